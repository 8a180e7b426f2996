package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.declarative.decoder.JsonDecoderSpec;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.http.HttpResponse;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link RecordSelectorSpec}. */
public final class RecordSelector {

    private final Decoder decoder;
    private final RecordExtractor extractor;
    private final @Nullable BiPredicate<ObjectNode, RecordContext> filter;
    private final List<RecordTransformation> transformations;
    private final boolean transformFirst;
    private final @Nullable UnaryOperator<ObjectNode> normalizer;
    private final boolean decodesJson;

    RecordSelector(Decoder decoder, RecordExtractor extractor, @Nullable BiPredicate<ObjectNode, RecordContext> filter,
            List<RecordTransformation> transformations, boolean transformFirst, @Nullable UnaryOperator<ObjectNode> normalizer) {
        this.decoder = decoder;
        this.extractor = extractor;
        this.filter = filter;
        this.transformations = List.copyOf(transformations);
        this.transformFirst = transformFirst;
        this.normalizer = normalizer;
        this.decodesJson = decoder == JsonDecoderSpec.DEFAULT;
    }

    /**
     * Selects one extracted record (filter, transformations, normalisation); null when it is filtered out. For
     * records that were extracted while the body streamed in.
     */
    public @Nullable ObjectNode selectOne(ObjectNode record, RecordContext context) {
        return process(record, context);
    }

    /**
     * The key path this selector's records are at, when the body can be streamed: a JSON body and a plain path of
     * keys (no globs, no record expander); null otherwise.
     */
    public @Nullable List<String> streamablePath() {
        return decodesJson ? extractor.streamablePath().orElse(null) : null;
    }

    /** The decoded documents of a response (for paginators that read the body too). */
    public List<JsonNode> decode(HttpResponse response) {
        return decoder.decode(response);
    }

    /** The raw records of the documents, before filtering or transformation (for offset counting). */
    public void extract(List<JsonNode> documents, Consumer<ObjectNode> records) {
        for (JsonNode document : documents) {
            extractor.extract(document, records);
        }
    }

    /**
     * Passes each selected record of the documents to {@code out}, in order; returns how many records the
     * extractor found before filtering (what offset and page counting use).
     */
    public int select(List<JsonNode> documents, RecordContext context, Consumer<ObjectNode> out) {
        int[] extracted = {0};
        extract(documents, record -> {
            extracted[0]++;
            ObjectNode selected = process(record, context);
            if (selected != null) {
                out.accept(selected);
            }
        });
        return extracted[0];
    }

    private @Nullable ObjectNode process(ObjectNode record, RecordContext context) {
        ObjectNode current = record;
        if (transformFirst) {
            current = transform(current, context);
            if (filter != null && !filter.test(current, context)) {
                return null;
            }
        } else {
            if (filter != null && !filter.test(current, context)) {
                return null;
            }
            current = transform(current, context);
        }
        return normalizer == null ? current : normalizer.apply(current);
    }

    private ObjectNode transform(ObjectNode record, RecordContext context) {
        ObjectNode current = record;
        for (RecordTransformation transformation : transformations) {
            current = transformation.apply(current, context);
        }
        return current;
    }
}
