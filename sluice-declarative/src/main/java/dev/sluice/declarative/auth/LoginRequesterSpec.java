package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/**
 * What {@code SessionTokenAuthenticator.login_requester} admits: an {@code HttpRequester}, which has an
 * authenticator of its own. A forward slot (see {@link dev.sluice.declarative.manifest.ForwardSlots}): the requester
 * slot above this package extends it, so authenticators never import the requester that uses them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
public interface LoginRequesterSpec {

    LoginRequester build(BuildContext context);
}
