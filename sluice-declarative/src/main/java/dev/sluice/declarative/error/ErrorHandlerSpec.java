package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.ErrorHandler;

/** What {@code HttpRequester.error_handler} (and {@code CompositeErrorHandler.error_handlers}) admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(DefaultErrorHandlerSpec.class), @JsonSubTypes.Type(CompositeErrorHandlerSpec.class),
        @JsonSubTypes.Type(CustomErrorHandlerSpec.class)})
public sealed interface ErrorHandlerSpec permits DefaultErrorHandlerSpec, CompositeErrorHandlerSpec,
        CustomErrorHandlerSpec {

    ErrorHandler build(BuildContext context);
}
