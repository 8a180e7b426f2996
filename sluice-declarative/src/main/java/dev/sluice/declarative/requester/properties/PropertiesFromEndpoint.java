package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.Dpath;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.declarative.component.Retriever;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link PropertiesFromEndpointSpec}. The first call reads every page of the retriever; later calls
 * return the same list. Thread-safe.
 */
public final class PropertiesFromEndpoint {

    private final List<InterpolatedString> path;
    private final Retriever retriever;
    private final InterpolationContext interpolation;
    private volatile @Nullable List<String> cached;

    PropertiesFromEndpoint(List<InterpolatedString> path, Retriever retriever, InterpolationContext interpolation) {
        this.path = List.copyOf(path);
        this.retriever = retriever;
        this.interpolation = interpolation;
    }

    public List<String> properties() {
        List<String> result = cached;
        if (result == null) {
            synchronized (this) {
                result = cached;
                if (result == null) {
                    result = fetch();
                    cached = result;
                }
            }
        }
        return result;
    }

    private List<String> fetch() {
        List<String> segments = path.stream().map(segment -> segment.evalString(interpolation)).toList();
        List<String> names = new ArrayList<>();
        retriever.read(StreamSlice.EMPTY, RequestOptions.NONE, record -> names.add(property(record, segments)));
        return List.copyOf(names);
    }

    /** The value at the path as Python's {@code str()} writes it; {@code "[]"} when absent, as the reference's default. */
    private static String property(ObjectNode record, List<String> segments) {
        JsonNode node = Dpath.get(record, segments);
        if (node == null) {
            return "[]";
        }
        return node.isTextual() ? node.textValue() : PythonText.str(node);
    }
}
