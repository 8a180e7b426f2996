package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python's {@code dict | dict} on request options: keys of {@code over} replace those of {@code base}, without the
 * collision check of {@link RequestOptions#plus}. The reference combines a partition router's options with its
 * cursor's this way, and the routers of a cartesian product likewise (the first router wins there).
 */
public final class OptionsOverlay {

    private OptionsOverlay() {
    }

    public static RequestOptions overlay(RequestOptions base, RequestOptions over) {
        if (over.isEmpty()) {
            return base;
        }
        if (base.isEmpty()) {
            return over;
        }
        ObjectNode body = base.bodyJson().deepCopy();
        body.setAll(over.bodyJson());
        return new RequestOptions(merged(base.parameters(), over.parameters()), merged(base.headers(), over.headers()),
                body, merged(base.bodyData(), over.bodyData()));
    }

    private static <V> Map<String, V> merged(Map<String, V> base, Map<String, V> over) {
        Map<String, V> result = new LinkedHashMap<>(base);
        result.putAll(over);
        return result;
    }
}
