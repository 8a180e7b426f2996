package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.KindUnion;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** {@code RecordSelector.schema_normalization}: {@code None}, {@code Default}, or a {@code CustomSchemaNormalization}. */
@KindUnion
public sealed interface SchemaNormalizationSpec permits SchemaNormalizationSpec.Mode, SchemaNormalizationSpec.Custom {

    /**
     * What each selected record goes through last; null for none.
     *
     * @param schema the stream's schema, loaded once, on first use
     */
    @Nullable UnaryOperator<ObjectNode> build(BuildContext context, Supplier<ObjectNode> schema);

    /** {@code None} or {@code Default} (the reference's type transformer). */
    record Mode(String mode) implements SchemaNormalizationSpec {
        public Mode {
            if (!mode.equals("None") && !mode.equals("Default")) {
                throw new IllegalArgumentException("schema_normalization must be 'None' or 'Default'");
            }
        }

        @Override
        public @Nullable UnaryOperator<ObjectNode> build(BuildContext context, Supplier<ObjectNode> schema) {
            return mode.equals("Default") ? new SchemaNormalizer(schema.get())::normalize : null;
        }
    }

    /** A Java class. */
    record Custom(CustomSchemaNormalizationSpec component) implements SchemaNormalizationSpec {
        @Override
        public UnaryOperator<ObjectNode> build(BuildContext context, Supplier<ObjectNode> schema) {
            RecordNormalizer normalizer = component.build(context);
            ObjectNode loaded = schema.get();
            return record -> normalizer.normalize(record, loaded);
        }
    }
}
