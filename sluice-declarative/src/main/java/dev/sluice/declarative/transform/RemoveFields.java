package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link RemoveFieldsSpec}: dpath's {@code delete} per pointer, on a copy-on-write view of the record.
 *
 * <p>With a condition, dpath itself deletes every scalar anywhere in the record that satisfies it, whatever the
 * pointer (its filter bypasses the glob). Sluice deletes only the values the pointer matches, as the schema
 * documents; with the {@code [["**"]]} pointer that manifests use with conditions the two agree.
 */
final class RemoveFields implements RecordTransformation {

    private final List<DpathGlob> pointers;
    private final @Nullable InterpolatedBoolean condition;

    RemoveFields(List<DpathGlob> pointers, @Nullable InterpolatedBoolean condition) {
        this.pointers = List.copyOf(pointers);
        this.condition = condition;
    }

    @Override
    public ObjectNode apply(ObjectNode record, RecordContext context) {
        RecordCopy copy = null;
        for (DpathGlob pointer : pointers) {
            for (DpathGlob.Match match : pointer.search(copy == null ? record : copy.result())) {
                if (condition != null && !(match.value().isValueNode()
                        && condition.eval(context.interpolation().with("property", match.value())))) {
                    continue;
                }
                if (copy == null) {
                    copy = new RecordCopy(record);
                }
                // An earlier deletion may have removed this path (or its parent) already.
                if (copy.read(match.path()) != null) {
                    copy.delete(match.path());
                }
            }
        }
        return copy == null ? record : copy.result();
    }
}
