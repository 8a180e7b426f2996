package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@code DeclarativeStream.incremental_sync} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(DatetimeBasedCursorSpec.class),
        @JsonSubTypes.Type(IncrementingCountCursorSpec.class)})
public sealed interface IncrementalSyncSpec permits DatetimeBasedCursorSpec, IncrementingCountCursorSpec {

    /** The runtime for the stream named {@code streamName} (whose catalog entry may choose the cursor field). */
    IncrementalSync build(BuildContext context, String streamName);

    /** {@code cursor_field} as written (a template). */
    String cursorField();

    /** {@code allow_catalog_defined_cursor_field} as written. */
    @Nullable Boolean allowCatalogDefinedCursorField();

    /** The component's {@code $parameters}. */
    @Nullable ObjectNode parameters();

    /** The cursor field as the catalog shows it, before any user choice. */
    default String cursorField(BuildContext context) {
        return InterpolatedString.of(cursorField(), BuildContext.parameters(parameters())).evalString(context.interpolation());
    }

    /** {@code allow_catalog_defined_cursor_field}: the user may choose the cursor ({@code source_defined_cursor: false}). */
    default boolean cursorFieldFromCatalog() {
        return Boolean.TRUE.equals(allowCatalogDefinedCursorField());
    }

    /** Whether the stream filters records locally, which makes transformations run before the record filter. */
    default boolean clientSideFiltering() {
        return false;
    }

    /**
     * The cursor field for a read: the configured catalog's choice when allowed and made, else the manifest's.
     *
     * @throws ManifestException when the catalog chose a nested field
     */
    default String cursorFieldForRead(BuildContext context, String streamName) {
        if (cursorFieldFromCatalog() && context.catalog() != null) {
            for (ConfiguredAirbyteStream configured : context.catalog().streams()) {
                List<String> chosen = configured.cursorField();
                if (!configured.name().equals(streamName) || chosen == null || chosen.isEmpty()
                        || chosen.get(0).isEmpty()) {
                    continue;
                }
                if (chosen.size() > 1) {
                    throw new ManifestException("The `" + streamName + "` stream does not support nested cursor_field. "
                            + "Please specify only a single cursor_field for the stream in the configured catalog.");
                }
                return chosen.get(0);
            }
        }
        return cursorField(context);
    }
}
