package dev.sluice.testkit.standard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.util.List;

/**
 * A small source that passes every standard test ({@link Sound}), and one copy per seeded defect, each breaking
 * exactly one rule the way a real connector gets it wrong. Two streams: {@code items}, a resumable full refresh
 * (three pages of two items, a checkpoint {@code {"page": n}} after each), and {@code events}, incremental on
 * {@code updated_at} (three pages of two events, one a day, a STATE after each page).
 */
public final class SeededSources {

    /** The ways the source can be broken. */
    enum Defect {
        NONE, SECRET_NOT_MARKED, SPEC_SCHEMA_INVALID, CHECK_THROWS, PRIMARY_KEY_NOT_IN_SCHEMA,
        STREAM_SCHEMA_INVALID, RECORD_VIOLATES_SCHEMA, STATE_BEFORE_RECORDS, CURSOR_IGNORES_STATE,
        RESUME_SKIPS_A_PAGE, RESUME_REPEATS_A_PAGE
    }

    private static final int PAGES = 3;
    private static final int PAGE_SIZE = 2;

    private SeededSources() {
    }

    /** The source with {@code defect}. */
    abstract static class Seeded implements Source {
        private final Defect defect;

        Seeded(Defect defect) {
            this.defect = defect;
        }

        @Override
        public ConnectorSpecification spec() {
            ObjectNode schema = Json.object();
            schema.put("$schema", "http://json-schema.org/draft-07/schema#");
            schema.put("type", "object");
            if (defect != Defect.CHECK_THROWS) {
                // the defect's spec lets {} through validation, so its check meets the missing key itself
                schema.putArray("required").add("api_key");
            }
            ObjectNode properties = schema.putObject("properties");
            ObjectNode apiKey = properties.putObject("api_key").put("type", "string");
            if (defect != Defect.SECRET_NOT_MARKED) {
                apiKey.put("airbyte_secret", true);
            }
            properties.putObject("token_url").put("type", "string");
            ObjectNode pageSize = properties.putObject("page_size").put("type", "integer");
            if (defect == Defect.SPEC_SCHEMA_INVALID) {
                // draft-07 wants a non-negative integer for minimum... of a string's length
                properties.putObject("region").put("type", "string").put("minLength", "two");
            } else {
                pageSize.put("minimum", 1);
            }
            return ConnectorSpecification.of("https://example.com/seeded", schema);
        }

        @Override
        public ConnectionStatus check(Config config, RunContext run) {
            if (defect == Defect.CHECK_THROWS) {
                // a raw dereference of a key the spec does not require
                return config.json().get("api_key").asText().isEmpty() ? ConnectionStatus.failed("empty key")
                        : ConnectionStatus.succeeded();
            }
            return ConnectionStatus.succeeded();
        }

        @Override
        public List<Stream> streams(Config config) {
            return List.of(new Items(defect), new Events(defect));
        }
    }

    /** Pages of items; the checkpoint after page n is {@code {"page": n + 1}}. */
    private static final class Items implements Stream {
        private final Defect defect;

        Items(Defect defect) {
            this.defect = defect;
        }

        @Override
        public String name() {
            return "items";
        }

        @Override
        public ObjectNode jsonSchema() {
            ObjectNode schema = Json.object().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("id").put("type", "integer");
            properties.putObject("name").put("type", defect == Defect.STREAM_SCHEMA_INVALID ? "text" : "string");
            return schema;
        }

        @Override
        public PrimaryKey primaryKey() {
            return PrimaryKey.of(defect == Defect.PRIMARY_KEY_NOT_IN_SCHEMA ? "item_id" : "id");
        }

        @Override
        public boolean isResumable() {
            return true;
        }

        @Override
        public void read(ReadRequest request, StreamSink sink) {
            StreamState state = request.state();
            if (state.isFullRefreshComplete()) {
                return;
            }
            int first = state.json().path("page").asInt(0);
            if (state.json().has("page") && defect == Defect.RESUME_SKIPS_A_PAGE) {
                first++;
            } else if (state.json().has("page") && defect == Defect.RESUME_REPEATS_A_PAGE) {
                first--;
            }
            for (int page = first; page < PAGES; page++) {
                for (int i = 0; i < PAGE_SIZE; i++) {
                    int id = page * PAGE_SIZE + i + 1;
                    ObjectNode item = Json.object().put("id", id).put("name", "item " + id);
                    if (id == 5 && defect == Defect.RECORD_VIOLATES_SCHEMA) {
                        item.put("id", "five");
                    }
                    sink.record(item);
                }
                sink.checkpoint(page + 1 < PAGES ? new StreamState(Json.object().put("page", page + 1))
                        : StreamState.fullRefreshComplete());
            }
        }
    }

    /** Events one a day from 2024-01-01; the STATE after a page is its newest {@code updated_at}. */
    private static final class Events implements Stream {
        private final Defect defect;

        Events(Defect defect) {
            this.defect = defect;
        }

        @Override
        public String name() {
            return "events";
        }

        @Override
        public ObjectNode jsonSchema() {
            ObjectNode schema = Json.object().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("id").put("type", "integer");
            properties.putObject("updated_at").put("type", "string").put("format", "date-time");
            return schema;
        }

        @Override
        public PrimaryKey primaryKey() {
            return PrimaryKey.of("id");
        }

        @Override
        public List<String> cursorField() {
            return List.of("updated_at");
        }

        @Override
        public void read(ReadRequest request, StreamSink sink) {
            String since = request.state().json().path("updated_at").asText("");
            if (defect == Defect.CURSOR_IGNORES_STATE) {
                since = "";
            }
            for (int page = 0; page < PAGES; page++) {
                String newest = updatedAt(page * PAGE_SIZE + PAGE_SIZE);
                if (defect == Defect.STATE_BEFORE_RECORDS) {
                    sink.checkpoint(new StreamState(Json.object().put("updated_at", newest)));
                }
                for (int i = 0; i < PAGE_SIZE; i++) {
                    int id = page * PAGE_SIZE + i + 1;
                    if (updatedAt(id).compareTo(since) > 0) {
                        sink.record(Json.object().put("id", id).put("updated_at", updatedAt(id)));
                    }
                }
                if (defect != Defect.STATE_BEFORE_RECORDS) {
                    sink.checkpoint(new StreamState(Json.object().put("updated_at", since.compareTo(newest) > 0
                            ? since : newest)));
                }
            }
        }

        private static String updatedAt(int id) {
            return "2024-01-0" + id + "T00:00:00Z";
        }
    }

    public static final class Sound extends Seeded {
        public Sound() {
            super(Defect.NONE);
        }
    }

    public static final class SecretNotMarked extends Seeded {
        public SecretNotMarked() {
            super(Defect.SECRET_NOT_MARKED);
        }
    }

    public static final class SpecSchemaInvalid extends Seeded {
        public SpecSchemaInvalid() {
            super(Defect.SPEC_SCHEMA_INVALID);
        }
    }

    public static final class CheckThrows extends Seeded {
        public CheckThrows() {
            super(Defect.CHECK_THROWS);
        }
    }

    public static final class PrimaryKeyNotInSchema extends Seeded {
        public PrimaryKeyNotInSchema() {
            super(Defect.PRIMARY_KEY_NOT_IN_SCHEMA);
        }
    }

    public static final class StreamSchemaInvalid extends Seeded {
        public StreamSchemaInvalid() {
            super(Defect.STREAM_SCHEMA_INVALID);
        }
    }

    public static final class RecordViolatesSchema extends Seeded {
        public RecordViolatesSchema() {
            super(Defect.RECORD_VIOLATES_SCHEMA);
        }
    }

    public static final class StateBeforeRecords extends Seeded {
        public StateBeforeRecords() {
            super(Defect.STATE_BEFORE_RECORDS);
        }
    }

    public static final class CursorIgnoresState extends Seeded {
        public CursorIgnoresState() {
            super(Defect.CURSOR_IGNORES_STATE);
        }
    }

    public static final class ResumeSkipsAPage extends Seeded {
        public ResumeSkipsAPage() {
            super(Defect.RESUME_SKIPS_A_PAGE);
        }
    }

    public static final class ResumeRepeatsAPage extends Seeded {
        public ResumeRepeatsAPage() {
            super(Defect.RESUME_REPEATS_A_PAGE);
        }
    }
}
