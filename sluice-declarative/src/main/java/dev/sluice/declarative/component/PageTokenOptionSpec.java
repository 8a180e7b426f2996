package dev.sluice.declarative.component;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What {@code DefaultPaginator.page_token_option} admits: a request option, or the token as the whole path. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(RequestOptionSpec.class), @JsonSubTypes.Type(RequestPathSpec.class)})
public sealed interface PageTokenOptionSpec permits RequestOptionSpec, RequestPathSpec {

    PageTokenOption build(BuildContext context);
}
