package dev.sluice.declarative;

import dev.sluice.declarative.auth.LoginRequesterSpec;
import dev.sluice.declarative.manifest.ForwardSlots;
import dev.sluice.declarative.partition.ParentStreamSpec;
import dev.sluice.declarative.requester.RequesterSpec;
import dev.sluice.declarative.requester.properties.PropertiesRetrieverSpec;
import dev.sluice.declarative.retriever.PageRetrieverSpec;
import java.util.Map;

/**
 * The three places where the manifest grammar recurses into a component above the slot's own package: a parent
 * stream is a stream, a login requester is a requester, the properties endpoint's retriever is a retriever. Registered
 * in {@code META-INF/services}; this package sees every component, so it is the one that names them.
 */
public final class ManifestForwardSlots implements ForwardSlots {

    @Override
    public Map<Class<?>, Class<?>> slots() {
        return Map.of(
                ParentStreamSpec.class, StreamSpec.class,
                LoginRequesterSpec.class, RequesterSpec.class,
                PropertiesRetrieverSpec.class, PageRetrieverSpec.class);
    }
}
