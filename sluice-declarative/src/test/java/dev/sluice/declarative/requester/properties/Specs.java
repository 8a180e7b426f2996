package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.declarative.component.Retriever;
import dev.sluice.declarative.retriever.SimpleRetriever;
import dev.sluice.declarative.retriever.SimpleRetrieverSpec;
import dev.sluice.http.HttpTransport;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Component tests' plumbing: YAML → validated, bound spec record → runtime, with a test build context. */
public final class Specs {

    private Specs() {
    }

    /** Validates strictly (unknown keys fail too) and binds. */
    public static <T> T bind(String yaml, Class<T> type) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(yaml);
        new ManifestValidator().validate(manifest, type).throwIfInvalid(true);
        return ManifestBinder.bind(manifest, type);
    }

    public static BuildContext context(JsonNode config, @Nullable ConfiguredAirbyteCatalog catalog) {
        return new BuildContext(Config.of(config), TestRuns.open(),
                Clock.systemUTC(), duration -> { }, catalog, ConfigUpdates.NONE);
    }

    public static BuildContext context() {
        return context(Json.object(), null);
    }

    /** A {@code SimpleRetriever} of stream {@code stream_name}, without transformations or schema. */
    public static SimpleRetriever retriever(String yaml, BuildContext context) {
        return bind(yaml, SimpleRetrieverSpec.class).build(context, "stream_name", List.of(), Json::object, false);
    }

    public static List<ObjectNode> read(Retriever retriever) {
        List<ObjectNode> records = new ArrayList<>();
        retriever.read(StreamSlice.EMPTY, RequestOptions.NONE, records::add);
        return records;
    }
}
