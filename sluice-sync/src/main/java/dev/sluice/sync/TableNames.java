package dev.sluice.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stream names to table names: lower case, {@code [a-z0-9_]} only, not starting with a digit, at most
 * {@value #MAX_LENGTH} characters (longer names keep a prefix and a hash, so that two long names that share a
 * prefix stay apart). The {@code _sluice_} prefix is reserved for the loader's own tables.
 */
final class TableNames {

    /** PostgreSQL cuts identifiers at 63 bytes; this leaves room for the staging and batch prefixes. */
    static final int MAX_LENGTH = 48;
    static final String STATE_TABLE = "_sluice_state";
    /** Arrival order in a batch table: the later of two rows with the same key and cursor wins. */
    static final String SEQUENCE_COLUMN = "_sluice_seq";

    private TableNames() {
    }

    static String forStream(String stream) {
        StringBuilder name = new StringBuilder(stream.length());
        for (char c : stream.toLowerCase(Locale.ROOT).toCharArray()) {
            name.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        String sanitized = name.toString();
        if (sanitized.startsWith("_sluice_")) {
            sanitized = "stream" + sanitized;
        }
        if (sanitized.length() > MAX_LENGTH) {
            sanitized = sanitized.substring(0, MAX_LENGTH - 9) + "_" + hash(stream);
        }
        return sanitized;
    }

    /** Where a full refresh loads before it replaces the table in one transaction. */
    static String staging(String table) {
        return "_sluice_tmp_" + table;
    }

    /** Where a deduplicated stream's records wait for the next commit's merge. */
    static String batch(String table) {
        return "_sluice_batch_" + table;
    }

    /** Column names are kept as given, quoted; only names too long for every database are shortened. */
    static String column(String field, int maxLength) {
        if (field.getBytes(StandardCharsets.UTF_8).length <= maxLength) {
            return field;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            String next = prefix.toString() + field.charAt(i);
            if (next.getBytes(StandardCharsets.UTF_8).length > maxLength - 9) {
                break;
            }
            prefix.append(field.charAt(i));
        }
        return prefix + "_" + hash(field);
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JVM", e);
        }
    }
}
