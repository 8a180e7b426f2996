package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the catalog needs to know about a stream's incremental cursor. */
record CursorDeclaration(@Nullable JsonNode incrementalSync, List<String> cursorField, boolean sourceDefined,
        boolean clientSide) {

    static final CursorDeclaration NONE = new CursorDeclaration(null, List.of(), true, false);

    static CursorDeclaration of(@Nullable JsonNode incrementalSync, BuildContext context,
            @Nullable ObjectNode streamParameters) {
        if (incrementalSync == null || incrementalSync.isNull()) {
            return NONE;
        }
        ObjectNode parameters = incrementalSync.get("$parameters") instanceof ObjectNode own ? own : streamParameters;
        String field = DeclarativeStreamSpec.cursorField(incrementalSync, context, parameters);
        boolean catalogDefined = incrementalSync.path("allow_catalog_defined_cursor_field").asBoolean(false);
        boolean clientSide = incrementalSync.path("is_client_side_incremental").asBoolean(false);
        return new CursorDeclaration(incrementalSync, List.of(field), !catalogDefined, clientSide);
    }

    boolean isIncremental() {
        return incrementalSync != null;
    }
}
