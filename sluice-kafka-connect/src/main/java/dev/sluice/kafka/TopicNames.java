package dev.sluice.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Stream names made into valid Kafka topic names. Kafka accepts {@code [a-zA-Z0-9._-]}, at most
 * {@value #MAX_LENGTH} characters, and neither {@code .} nor {@code ..}; a generated stream's name (a sheet's title,
 * a report's label) is often none of that. A name Kafka accepts is kept; any other gets its other characters
 * replaced by {@code _} and a short hash of the original name appended, so that {@code Q1 Budget} and
 * {@code Q1_Budget} still get two topics. A topic longer than the limit keeps a prefix and a hash.
 */
final class TopicNames {

    static final int MAX_LENGTH = 249;
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Pattern INVALID_CHARACTER = Pattern.compile("[^a-zA-Z0-9._-]");

    private TopicNames() {
    }

    /** The part of a topic name that stands for {@code stream}. */
    static String forStream(String stream) {
        if (VALID.matcher(stream).matches() && !stream.equals(".") && !stream.equals("..")) {
            return stream;
        }
        return INVALID_CHARACTER.matcher(stream).replaceAll("_") + "_" + hash(stream);
    }

    /** {@code topic} within Kafka's length limit. */
    static String limited(String topic) {
        if (topic.length() <= MAX_LENGTH) {
            return topic;
        }
        return topic.substring(0, MAX_LENGTH - 9) + "_" + hash(topic);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
