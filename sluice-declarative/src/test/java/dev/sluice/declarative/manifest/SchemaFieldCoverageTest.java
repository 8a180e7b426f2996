package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.DeclarativeSourceSpec;
import dev.sluice.declarative.manifest.ComponentShapes.Field;
import dev.sluice.declarative.manifest.ComponentShapes.RecordShape;
import dev.sluice.declarative.manifest.UpstreamSchema.Definition;
import dev.sluice.declarative.manifest.UpstreamSchema.Holder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * No manifest field is accepted and ignored: for every component type of the upstream schema and every one of its
 * properties, Sluice either binds it (the type's spec record declares it with a validated shape) or refuses it at
 * validation with path and line (proved by validating a manifest that uses it). What is neither is listed, with its
 * reason, in {@link KnownGaps}; an entry there that is no longer true fails this test too.
 */
class SchemaFieldCoverageTest {

    /**
     * Fields bound as free JSON because their content is data, not components: the reference reads them as plain
     * values (schemas, bodies, config values). Anything else bound as free JSON must be validated ({@link ValidatedAs}).
     */
    private static final Set<String> DATA_FIELDS = Set.of(
            "DeclarativeSource.definitions", "DeclarativeSource.schemas", "DeclarativeSource.metadata",
            "Spec.connection_specification", "CheckStream.config_overrides", "CheckDynamicStream.config_overrides",
            "DeclarativeStream.primary_key", // a string, a list or a list of lists; checked by the record
            "InlineSchemaLoader.schema", "ListPartitionRouter.values",
            "HttpRequester.request_headers", "HttpRequester.request_body_data", "HttpRequester.request_body_json",
            "RequestBodyUrlEncodedForm.value", "RequestBodyJsonObject.value",
            "JwtAuthenticator.additional_jwt_headers", "JwtAuthenticator.additional_jwt_payload",
            "OAuthAuthenticator.refresh_request_body", "OAuthAuthenticator.refresh_request_headers",
            "PredicateValidator.value", "ValidateAdheresToSchema.base_schema", "ConfigRemapField.map");

    private enum Status { REFUSED, UNVALIDATED }

    private final UpstreamSchema schema = UpstreamSchema.load();
    private final Map<String, Set<Class<?>>> bound = ComponentShapes.reachableRecords(DeclarativeSourceSpec.class);
    private final List<String> problems = new ArrayList<>();

    @Test
    void everyUpstreamFieldIsBoundOrRefused() {
        Map<String, Definition> components = new TreeMap<>(schema.components());
        for (Definition component : components.values()) {
            Set<Class<?>> records = bound.get(component.name());
            if (records == null) {
                checkUnimplemented(component.name());
            } else {
                if (KnownGaps.REFUSED_TYPES.containsKey(component.name())
                        || KnownGaps.UNVALIDATED_TYPES.containsKey(component.name())) {
                    problems.add(component.name() + " is bound now (" + names(records) + "): delete it from KnownGaps "
                            + "and mark its row in docs/declarative-components.md implemented");
                }
                records.forEach(record -> checkFields(component, record));
            }
        }
        checkListedFieldsExist(components);
        assertThat(problems).as("see KnownGaps for what to change").isEmpty();
    }

    private void checkFields(Definition component, Class<?> record) {
        RecordShape shape = ComponentShapes.record(record);
        for (String property : component.properties().keySet()) {
            if (property.equals("type") || property.equals("$parameters")) {
                continue;
            }
            String key = component.name() + "." + property;
            Field field = shape.fields().stream().filter(f -> f.name().equals(property)).findFirst().orElse(null);
            boolean pending = KnownGaps.ACCEPTED_NOT_HONOURED.containsKey(key);
            if (field == null) {
                if (!shape.closed()) {
                    problems.add(key + ": neither bound nor refused (" + record.getSimpleName() + " has no such "
                            + "component, so the key is only warned about and ignored)");
                } else if (!refusedAt(record, component.name(), property, "{}", "unknown field")) {
                    problems.add(key + ": not bound, and validation did not refuse it");
                }
            } else if (field.unsupported() != null) {
                if (!refusedAt(record, component.name(), property, "{type: " + field.unsupported() + "}",
                        "unsupported component " + field.unsupported())) {
                    problems.add(key + " is marked @Unsupported but validation did not refuse it");
                }
            } else if (isFreeJson(field)) {
                if (!pending && !DATA_FIELDS.contains(key)) {
                    problems.add(key + " is bound as free JSON but holds " + UpstreamSchema.references(
                            component.properties().get(property)) + ": validate it (@ValidatedAs) or, if it is data, "
                            + "add it to DATA_FIELDS");
                }
            } else if (pending) {
                problems.add(key + " is bound with a shape now: delete it from KnownGaps.ACCEPTED_NOT_HONOURED");
            }
        }
    }

    private void checkUnimplemented(String type) {
        String key = definitionKey(type);
        Status status = status(key, new HashSet<>());
        String listed = KnownGaps.REFUSED_TYPES.containsKey(type) ? "REFUSED_TYPES"
                : KnownGaps.UNVALIDATED_TYPES.containsKey(type) ? "UNVALIDATED_TYPES" : null;
        String expected = status == Status.REFUSED ? "REFUSED_TYPES" : "UNVALIDATED_TYPES";
        if (!expected.equals(listed)) {
            problems.add(type + " is not bound and is " + (status == Status.REFUSED ? "refused at validation"
                    : "accepted as free JSON") + ": list it in KnownGaps." + expected
                    + (listed == null ? "" : " (not " + listed + ")"));
        }
    }

    /**
     * How a manifest meets an unbound definition: refused when some property that can hold it is a validated field of
     * a bound component (proved by validating it there) or holds something refused itself; unvalidated when it is
     * only reachable through free-JSON fields.
     */
    private Status status(String key, Set<String> visiting) {
        if (!visiting.add(key)) {
            return Status.UNVALIDATED;
        }
        Status status = Status.UNVALIDATED;
        String type = schema.definition(key).name();
        for (Holder holder : schema.holdersOf(key)) {
            Definition definition = schema.definition(holder.definition());
            Set<Class<?>> records = definition.component() ? bound.get(definition.name()) : null;
            if (records == null) {
                if (status(holder.definition(), visiting) == Status.REFUSED) {
                    status = Status.REFUSED;
                }
                continue;
            }
            for (Class<?> record : records) {
                Field field = ComponentShapes.record(record).fields().stream()
                        .filter(f -> f.name().equals(holder.property())).findFirst().orElse(null);
                if (field == null || isFreeJson(field) && field.unsupported() == null) {
                    continue; // reported by checkFields unless listed in KnownGaps.ACCEPTED_NOT_HONOURED
                }
                if (refusedAt(record, definition.name(), holder.property(), "{type: " + type + "}",
                        "unsupported component " + type)) {
                    status = Status.REFUSED;
                } else {
                    problems.add(type + " written at " + holder + " is not refused with its path and line");
                }
            }
        }
        return status;
    }

    /**
     * Whether validating {@code {type: T, property: value}} against {@code record} reports {@code problem} at the
     * property (or inside it: the value as a list element or a mapping value) with the property's line.
     */
    private static boolean refusedAt(Class<?> record, String type, String property, String value, String problem) {
        for (String written : List.of(value, "[" + value + "]", "{key: " + value + "}")) {
            String yaml = "type: " + type + "\n" + property + ": " + written + "\n";
            ValidationReport report;
            try {
                report = new ManifestValidator().validate(ManifestPipeline.fromYaml(yaml), record);
            } catch (ManifestException e) {
                continue;
            }
            boolean found = report.errors().stream().map(Throwable::getMessage).anyMatch(message ->
                    message.startsWith(property) && message.contains(problem) && message.endsWith("(line 2)"));
            if (found) {
                return true;
            }
        }
        return false;
    }

    private void checkListedFieldsExist(Map<String, Definition> components) {
        for (String listed : KnownGaps.ACCEPTED_NOT_HONOURED.keySet()) {
            String[] parts = listed.split("\\.", 2);
            Definition component = components.get(parts[0]);
            if (component == null || !component.properties().containsKey(parts[1])) {
                problems.add("KnownGaps.ACCEPTED_NOT_HONOURED lists " + listed + ", which the upstream schema lacks");
            }
        }
        for (String type : KnownGaps.REFUSED_TYPES.keySet()) {
            if (!components.containsKey(type)) {
                problems.add("KnownGaps.REFUSED_TYPES lists " + type + ", which the upstream schema lacks");
            }
        }
        for (String type : KnownGaps.UNVALIDATED_TYPES.keySet()) {
            if (!components.containsKey(type)) {
                problems.add("KnownGaps.UNVALIDATED_TYPES lists " + type + ", which the upstream schema lacks");
            }
        }
    }

    /** The schema's definition key of a component type (they are the same in the schema, but say so once). */
    private String definitionKey(String type) {
        return schema.definition(type) != null ? type : UpstreamSchema.ROOT;
    }

    private static boolean isFreeJson(Field field) {
        return JsonNode.class.isAssignableFrom(ComponentShapes.raw(field.type()));
    }

    private static List<String> names(Set<Class<?>> records) {
        return records.stream().map(Class::getSimpleName).sorted().toList();
    }
}
