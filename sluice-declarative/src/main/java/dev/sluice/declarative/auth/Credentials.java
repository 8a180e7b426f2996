package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.component.RequestOptionApplier;
import dev.sluice.http.Authenticator;
import org.jspecify.annotations.Nullable;

/** Helpers for authenticators whose credentials come from the config. */
final class Credentials {

    private Credentials() {
    }

    /** A template over config and parameters, evaluated once at build time; "" when it renders empty. */
    static String evaluate(@Nullable String template, BuildContext context, @Nullable ObjectNode parameters) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        return InterpolatedString.of(template, BuildContext.parameters(parameters)).evalString(context.interpolation());
    }

    /** An authenticator that adds fixed options (header, parameter or body field) to every request. */
    static Authenticator injecting(RequestOptions options) {
        return request -> RequestOptionApplier.apply(request, options);
    }
}
