package dev.sluice.builder.infer;

import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The schema inferred from a read's records (null when it read none), and the problems met marking the primary key
 * and cursor fields required (the reference logs each as an error and still shows the schema).
 */
public record InferredSchema(@Nullable ObjectNode schema, List<String> errors) {

    public InferredSchema {
        errors = List.copyOf(errors);
    }
}
