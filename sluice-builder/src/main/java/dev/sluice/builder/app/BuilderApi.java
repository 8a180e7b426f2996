package dev.sluice.builder.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.builder.testread.StreamRead;
import dev.sluice.builder.testread.TestReadLimits;
import dev.sluice.builder.testread.TestReader;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestLoader;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The builder's endpoints, JSON in and JSON out: what the page asks for, answered from the editor's text (never
 * from the file, which changes only on Save). A failure is answered as {@code {"error": {...}}} with its failure
 * type and, for manifest problems, the YAML path and line.
 */
final class BuilderApi {

    /** A message that starts with the YAML path of a manifest problem ({@code streams[0].retriever: ...}). */
    private static final Pattern LOCATED = Pattern.compile(
            "((?:streams|definitions|dynamic_streams|check|spec|api_budget|concurrency_level)[\\w.\\[\\]$]*): ");

    private final ManifestFile manifest;
    private final @Nullable ManifestFile config;
    private final ClassLoader customCode;
    private final TestReader reader;

    BuilderApi(ManifestFile manifest, @Nullable ManifestFile config, ClassLoader customCode, TestReader reader) {
        this.manifest = Objects.requireNonNull(manifest, "manifest is null");
        this.config = config;
        this.customCode = Objects.requireNonNull(customCode, "customCode is null");
        this.reader = Objects.requireNonNull(reader, "reader is null");
    }

    /** The answer to {@code POST api/<name>} with {@code request}; the HTTP status is in the result. */
    Answer answer(String name, JsonNode request) {
        try {
            return switch (name) {
                case "session" -> Answer.ok(session());
                case "validate" -> Answer.ok(ManifestProblems.of(text(request)));
                case "outline" -> Answer.ok(outline(text(request)));
                case "test" -> Answer.ok(test(request));
                case "take-schema" -> Answer.ok(takeSchema(request));
                case "save" -> save(manifest, text(request), request);
                case "save-config" -> saveConfig(request);
                default -> new Answer(404, error(new ConnectorException(FailureType.CONFIG_ERROR,
                        "no endpoint api/" + name), ""));
            };
        } catch (ConnectorException e) {
            String text = request.path("text").asText("");
            return Answer.ok(error(e, text));
        }
    }

    private ObjectNode session() {
        ObjectNode session = Json.object();
        ManifestFile.Snapshot file = manifest.read();
        ObjectNode manifestNode = session.putObject("manifest");
        manifestNode.put("path", manifest.path().toString());
        manifestNode.put("text", file.text().isEmpty() ? Starter.MANIFEST : file.text());
        manifestNode.put("version", file.version());
        ObjectNode configNode = session.putObject("config");
        if (config == null) {
            configNode.putNull("path");
            configNode.set("values", Json.object());
            configNode.putNull("version");
        } else {
            ManifestFile.Snapshot values = config.read();
            configNode.put("path", config.path().toString());
            configNode.set("values", values.text().isBlank() ? Json.object() : parse(values.text(), "config"));
            configNode.put("version", values.version());
        }
        return session;
    }

    /** The streams (with their declared inline schemas) and the connection specification of the text. */
    private static ObjectNode outline(String text) {
        JsonNode resolved = ManifestPipeline.fromYaml(text).manifest();
        ObjectNode outline = Json.object();
        ArrayNode streams = outline.putArray("streams");
        for (JsonNode stream : resolved.path("streams")) {
            ObjectNode entry = streams.addObject();
            entry.put("name", stream.path("name").asText(""));
            JsonNode loader = stream.path("schema_loader");
            entry.put("schema_loader_type", loader.path("type").asText(null));
            entry.set("declared_schema", "InlineSchemaLoader".equals(loader.path("type").asText())
                    ? loader.path("schema") : null);
        }
        outline.set("connection_specification", resolved.path("spec").path("connection_specification").isObject()
                ? resolved.path("spec").path("connection_specification") : null);
        return outline;
    }

    private ObjectNode test(JsonNode request) {
        String text = text(request);
        JsonNode tree = ManifestLoader.fromYaml(text).root();
        JsonNode limits = request.path("limits");
        TestReadLimits chosen = TestReadLimits.DEFAULTS
                .withMaxRecords(limits.path("max_records").asInt(TestReadLimits.DEFAULT_MAX_RECORDS))
                .withMaxPagesPerSlice(limits.path("max_pages_per_slice")
                        .asInt(TestReadLimits.DEFAULT_MAX_PAGES_PER_SLICE))
                .withMaxSlices(limits.path("max_slices").asInt(TestReadLimits.DEFAULT_MAX_SLICES));
        JsonNode values = request.path("config").isObject() ? request.get("config") : Json.object();
        JsonNode state = request.path("state").isMissingNode() || request.path("state").isNull() ? null
                : request.get("state");
        StreamRead read = reader.testRead(ManifestInput.trusted(tree, customCode), values,
                request.path("stream").asText(""), chosen, state);
        ObjectNode answer = Json.object();
        answer.set("read", read.toJson());
        ArrayNode errors = answer.putArray("errors");
        read.logs().stream().filter(log -> log.level().equals("ERROR")).forEach(log -> {
            ObjectNode error = errors.addObject().put("message", log.message());
            Matcher located = LOCATED.matcher(log.message());
            if (located.lookingAt()) {
                error.put("path", located.group(1));
                error.put("line", ManifestProblems.lineOf(text, located.group(1)));
            }
        });
        return answer;
    }

    private static ObjectNode takeSchema(JsonNode request) {
        String text = text(request);
        SchemaLoaderEdit edit = SchemaLoaderEdit.of(text, request.path("stream").asText(""), request.path("schema"));
        ObjectNode answer = Json.object();
        answer.put("start", edit.start());
        answer.put("end", edit.end());
        answer.put("replacement", edit.replacement());
        answer.put("text", edit.applyTo(text));
        return answer;
    }

    private Answer saveConfig(JsonNode request) {
        if (config == null) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "The builder was started without --config FILE: "
                    + "there is no file to save the config to (it stays in this page only).");
        }
        return save(config, Json.write(request.path("config")) + "\n", request);
    }

    private static Answer save(ManifestFile file, String text, JsonNode request) {
        ManifestFile.SaveOutcome outcome = file.save(text, request.path("version").asText(""));
        ObjectNode answer = Json.object();
        if (outcome.conflict() != null) {
            answer.put("conflict", outcome.conflict());
            return new Answer(409, answer);
        }
        answer.put("version", Objects.requireNonNull(outcome.saved()).version());
        answer.put("path", file.path().toString());
        answer.put("backup", file.backup().toString());
        return Answer.ok(answer);
    }

    private static String text(JsonNode request) {
        JsonNode text = request.get("text");
        if (text == null || !text.isTextual()) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "the request has no manifest text");
        }
        return text.asText();
    }

    private static JsonNode parse(String text, String what) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "The " + what + " file is not JSON: "
                    + e.getMessage(), e);
        }
    }

    /** {@code {"error": {"message", "failure_type", "path", "line"}}}. */
    static ObjectNode error(ConnectorException failure, String text) {
        ObjectNode answer = Json.object();
        ObjectNode error = answer.putObject("error");
        error.put("message", failure.userMessage());
        error.put("failure_type", failure.failureType().name().toLowerCase(java.util.Locale.ROOT));
        if (failure instanceof ManifestException problem) {
            error.put("path", problem.path());
            int line = problem.line() > 0 ? problem.line() : ManifestProblems.lineOf(text, problem.path());
            error.put("line", line);
        }
        return answer;
    }

    /** An HTTP status and a JSON body. */
    record Answer(int status, ObjectNode body) {
        static Answer ok(ObjectNode body) {
            return new Answer(200, body);
        }

        byte[] bytes() {
            return Json.write(body).getBytes(StandardCharsets.UTF_8);
        }
    }
}
