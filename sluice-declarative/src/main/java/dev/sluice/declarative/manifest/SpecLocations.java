package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The location of every spec record bound from a manifest, by identity (two equal records declared in two places
 * are two records). Found after binding by walking the records next to the tree they were bound from: a component
 * named by {@code @JsonProperty} sits under that key, a list under its indexes, a mapping under its keys; a
 * component without a name (a wrapper of a kind union) sits where its record does. Nothing is constructed here.
 */
public final class SpecLocations {

    public static final SpecLocations NONE = new SpecLocations(Map.of());

    private final Map<Object, SpecLocation> locations;

    private SpecLocations(Map<Object, SpecLocation> locations) {
        this.locations = locations;
    }

    /** The locations of {@code bound} and every record inside it, bound from {@code node} found at {@code path}. */
    public static SpecLocations of(Object bound, JsonNode node, ManifestPath path, LineMap lines) {
        Map<Object, SpecLocation> found = new IdentityHashMap<>();
        new Walk(found, lines).value(bound, node, pointer(path), lines.lineOf(node));
        return new SpecLocations(Collections.unmodifiableMap(found));
    }

    /** Where {@code spec} was declared, or {@link SpecLocation#UNKNOWN} for a record not bound from a manifest. */
    public SpecLocation of(Object spec) {
        return locations.getOrDefault(spec, SpecLocation.UNKNOWN);
    }

    private static String pointer(ManifestPath path) {
        StringBuilder text = new StringBuilder();
        for (ManifestPath step : path.steps()) {
            text.append('/').append(step.fieldName() != null ? escape(step.fieldName())
                    : String.valueOf(step.elementIndex()));
        }
        return text.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private record Walk(Map<Object, SpecLocation> found, LineMap lines) {

        void value(Object value, JsonNode node, String pointer, int line) {
            if (value instanceof Record record) {
                if (found.putIfAbsent(record, new SpecLocation(pointer.isEmpty() ? "/" : pointer, line)) == null) {
                    components(record, node, pointer, line);
                }
            } else if (value instanceof List<?> list) {
                elements(list, node, pointer, line);
            } else if (value instanceof Map<?, ?> map && node.isObject()) {
                map.forEach((key, entry) -> {
                    if (key instanceof String name && entry != null && node.has(name)) {
                        value(entry, node.get(name), pointer + "/" + escape(name), lines.lineOf(node, name));
                    }
                });
            }
        }

        private void elements(Collection<?> list, JsonNode node, String pointer, int line) {
            int index = 0;
            for (Object element : list) {
                if (element != null) {
                    if (node.isArray() && index < node.size()) {
                        value(element, node.get(index), pointer + "/" + index, lines.lineOf(node, index));
                    } else if (!node.isArray()) {
                        value(element, node, pointer, line);
                    }
                }
                index++;
            }
        }

        private void components(Record record, JsonNode node, String pointer, int line) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(component, record);
                if (child == null || child instanceof JsonNode) {
                    continue;
                }
                JsonProperty property = ComponentShapes.annotation(record.getClass(), component, JsonProperty.class);
                if (property == null) {
                    value(child, node, pointer, line);
                } else if (node.isObject() && node.has(property.value())) {
                    String key = property.value();
                    value(child, node.get(key), pointer + "/" + escape(key), lines.lineOf(node, key));
                }
            }
        }

        private static @Nullable Object read(RecordComponent component, Record record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                return null;
            }
        }
    }
}
