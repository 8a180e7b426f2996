package dev.sluice.testkit.standard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Orders cursor values: numbers as numbers, dates and date-times as instants (so {@code 2024-01-01T00:00:00Z} and
 * {@code 2024-01-01T01:00:00+01:00} are equal), anything else as text.
 */
final class CursorValues {

    private CursorValues() {
    }

    /** Negative when {@code a} is older than {@code b}, zero when they are the same point, positive when newer. */
    static int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        Optional<Instant> first = instant(a.asText());
        Optional<Instant> second = instant(b.asText());
        if (first.isPresent() && second.isPresent()) {
            return first.get().compareTo(second.get());
        }
        if (isNumeric(a.asText()) && isNumeric(b.asText())) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.asText().compareTo(b.asText());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }

    private static boolean isNumeric(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
