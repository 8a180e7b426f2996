package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.auth.LoginRequesterSpec;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.requester.properties.ParameterComponentSpec;
import org.jspecify.annotations.Nullable;

/** What {@code SimpleRetriever.requester} (and a session token authenticator's {@code login_requester}) admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(HttpRequesterSpec.class), @JsonSubTypes.Type(CustomRequesterSpec.class)})
public sealed interface RequesterSpec extends LoginRequesterSpec permits HttpRequesterSpec, CustomRequesterSpec {

    @Override
    HttpRequester build(BuildContext context);

    /** The query properties the retriever requests in chunks with this requester, or null. */
    @Nullable ParameterComponentSpec effectiveQueryProperties();
}
