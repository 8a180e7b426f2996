package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import dev.sluice.source.StreamState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomStateMigration} — rewrites the stream's incoming state with a Java class before the
 * stream reads it. Its class, named by {@code class_name} and loaded from the
 * source's class loader, implements {@link StateMigration}; the component's other fields and {@code $parameters} reach it
 * through its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code state_migrations: [{type: CustomStateMigration, class_name: com.example.RenameCursor, from: updated}]}</pre>
 */
@JsonTypeName("CustomStateMigration")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomStateMigrationSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements StateMigrationSpec {

    public CustomStateMigrationSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public UnaryOperator<StreamState> build(BuildContext context, MigrationTarget target) {
        StateMigration migration = CustomComponents.create(StateMigration.class, "CustomStateMigration", this,
                className, fields, parameters, context);
        return state -> {
            if (!migration.shouldMigrate(state.json().deepCopy())) {
                return state;
            }
            ObjectNode migrated = migration.migrate(state.json().deepCopy());
            return migrated == null ? state : new StreamState(migrated);
        };
    }
}
