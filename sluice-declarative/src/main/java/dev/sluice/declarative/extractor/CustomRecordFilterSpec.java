package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.custom.CustomComponents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomRecordFilter} — keeps the records a Java class accepts. Its class, named by {@code class_name} and loaded from the
 * source's class loader, implements {@link RecordFilter}; the component's other fields and {@code $parameters} reach it
 * through its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code record_filter: {type: CustomRecordFilter, class_name: com.example.ActiveOnly, status: active}}</pre>
 */
@JsonTypeName("CustomRecordFilter")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomRecordFilterSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements RecordFilterSlotSpec {

    public CustomRecordFilterSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public BiPredicate<ObjectNode, RecordContext> build(BuildContext context) {
        RecordFilter filter = CustomComponents.create(RecordFilter.class, "CustomRecordFilter", this, className,
                fields, parameters, context);
        return filter::keep;
    }
}
