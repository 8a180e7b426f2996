package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.interpolation.PythonText;
import org.jspecify.annotations.Nullable;

/**
 * {@code page_size}: an integer, or a template that must render one (over config and parameters; for
 * {@code OffsetIncrement} also over {@code response}).
 */
final class PageSizes {

    private PageSizes() {
    }

    static @Nullable InterpolatedString template(@Nullable String pageSize, JsonNode parameters) {
        return pageSize == null || pageSize.isEmpty() ? null : InterpolatedString.of(pageSize, parameters);
    }

    /** The page size now; null without one. */
    static @Nullable Integer evaluate(@Nullable InterpolatedString pageSize, InterpolationContext context) {
        if (pageSize == null) {
            return null;
        }
        return require(pageSize.eval(context));
    }

    /** The reference refuses anything but an int, with this message. */
    static int require(@Nullable JsonNode value) {
        // Python's bool is an int: True is a page size of 1.
        if (value != null && value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        String type = value == null || value.isNull() ? "NoneType" : value.isTextual() ? "str"
                : value.isFloatingPointNumber() ? "float" : value.isArray() ? "list" : value.isObject() ? "dict" : "int";
        throw new ManifestException(PythonText.str(value) + " is of type <class '" + type
                + "'>. Expected <class 'int'>");
    }
}
