package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.protocol.Json;
import java.util.List;

/** A resolved {@link RequestOptionSpec}: inject a value at a fixed place. */
public record RequestOption(InjectInto injectInto, List<String> path) implements PageTokenOption {

    public RequestOption {
        path = List.copyOf(path);
    }

    /** The name (or the last key of the path). */
    public String name() {
        return path.get(path.size() - 1);
    }

    /** The options that put {@code value} in place. */
    @Override
    public RequestOptions inject(JsonNode value) {
        return switch (injectInto) {
            case REQUEST_PARAMETER -> RequestOptions.parameter(name(), value);
            case HEADER -> RequestOptions.header(name(), text(value));
            case BODY_DATA -> RequestOptions.bodyData(name(), text(value));
            case BODY_JSON -> RequestOptions.bodyJson(nested(value));
        };
    }

    private ObjectNode nested(JsonNode value) {
        ObjectNode root = Json.object();
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.putObject(path.get(i));
        }
        node.set(name(), value);
        return root;
    }

    /** Python's {@code str()} of a scalar: booleans are {@code True}/{@code False}. */
    public static String text(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        return value.isTextual() ? value.asText() : value.isValueNode() ? value.asText() : Json.write(value);
    }
}
