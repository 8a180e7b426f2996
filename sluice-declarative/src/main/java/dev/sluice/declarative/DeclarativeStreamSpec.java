package dev.sluice.declarative;

import dev.sluice.declarative.partition.ParentStreamSpec;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.file.FileUploaderSpec;
import dev.sluice.declarative.incremental.IncrementalSyncSpec;
import dev.sluice.declarative.incremental.StateMigrationSpec;
import dev.sluice.declarative.retriever.RetrieverSpec;
import dev.sluice.declarative.schema.SchemaLoaderSpec;
import dev.sluice.declarative.transform.TransformationSpec;
import dev.sluice.source.PrimaryKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DeclarativeStream} — a named stream: how to retrieve its records, its schema, primary key,
 * transformations and, for incremental sync, its cursor (and {@code state_migrations} applied to incoming state);
 * with a {@code file_uploader}, each record's file is downloaded into the run's staging folder.
 * <pre>{@code
 * streams:
 *   - type: DeclarativeStream
 *     name: users
 *     primary_key: id
 *     retriever: {...}
 *     schema_loader: {type: InlineSchemaLoader, schema: {$ref: "#/schemas/users"}}
 * }</pre>
 */
@JsonTypeName("DeclarativeStream")
public record DeclarativeStreamSpec(
        @JsonProperty("name") @Nullable String name,
        @JsonProperty(value = "retriever", required = true) RetrieverSpec retriever,
        @JsonProperty("incremental_sync") @Nullable IncrementalSyncSpec incrementalSync,
        @JsonProperty("primary_key") @Nullable JsonNode primaryKey,
        @JsonProperty("schema_loader") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Nullable List<SchemaLoaderSpec> schemaLoader,
        @JsonProperty("transformations") @Nullable List<TransformationSpec> transformations,
        @JsonProperty("state_migrations") @Nullable List<StateMigrationSpec> stateMigrations,
        @JsonProperty("file_uploader") @Nullable FileUploaderSpec fileUploader,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements StreamSpec, SourceStreamSpec {

    public DeclarativeStreamSpec {
        java.util.Objects.requireNonNull(retriever, "retriever is required");
        schemaLoader = schemaLoader == null ? List.of() : List.copyOf(schemaLoader);
        transformations = transformations == null ? List.of() : List.copyOf(transformations);
        stateMigrations = stateMigrations == null ? List.of() : List.copyOf(stateMigrations);
        try {
            PrimaryKey.parse(primaryKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("primary_key: " + e.getMessage(), e);
        }
    }

    /** A stream in {@code streams} stands for itself. */
    @Override
    public List<StreamSpec> selected(BuildContext context) {
        return List.of(this);
    }

    @Override
    public List<StreamSpec> declared() {
        return List.of(this);
    }

    @Override
    public String streamName() {
        return name == null ? "" : name;
    }

    @Override
    public DeclarativeStream build(BuildContext context) {
        return StreamAssembler.assemble(this, context);
    }

    @Override
    public List<ParentStreamSpec> parentStreams() {
        return retriever.partitionRouter().stream().flatMap(router -> router.parentStreams().stream()).toList();
    }
}
