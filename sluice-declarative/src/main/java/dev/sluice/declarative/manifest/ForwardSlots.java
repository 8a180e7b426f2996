package dev.sluice.declarative.manifest;

import java.util.Map;

/**
 * Where the manifest grammar recurses (a parent stream config holds a stream, a session token authenticator holds a
 * requester, {@code PropertiesFromEndpoint} holds a retriever), the inner slot is declared in the lower package as a
 * <em>forward slot</em>: an interface with {@code @JsonTypeInfo(use = NAME, property = "type")}, neither sealed nor
 * listing subtypes, so that the lower package need not import the components that fill it. The sealed slot that
 * lists those components extends the forward slot and is named here, by the package that sees both.
 *
 * <p>Found once with {@link java.util.ServiceLoader} (sluice-declarative registers one provider); the binder and
 * the validator then treat a forward slot exactly as the sealed slot it stands for.
 */
public interface ForwardSlots {

    /** Forward slot to the sealed slot whose records it admits; every such record implements the forward slot. */
    Map<Class<?>, Class<?>> slots();
}
