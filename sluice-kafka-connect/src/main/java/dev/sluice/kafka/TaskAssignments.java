package dev.sluice.kafka;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartitioning;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the connector's units go into task configs so that a config stays small whatever the number of partitions.
 *
 * <p>Why this way. Connect stores each task config as one record of its config topic, so a config that lists
 * tens of thousands of partitions would exceed the topic's message size (1 MB by default). A connector has no other
 * channel to its tasks: it cannot write offsets, and a plan kept in a topic of its own would need Kafka client
 * settings and security set twice. So the connector keeps each task's part of the work in its config, in one of two
 * forms, per stream:
 * <ul>
 *   <li>A <b>slice</b> ({@link Slice}): "the partitions of stream s whose key hashes to i of n", plus a digest of
 *       the partition list. The task lists the partitions itself and keeps its slice. A key hashes to exactly one
 *       slice, so every partition is read by exactly one task even if two tasks listed at slightly different times
 *       (a partition that appeared in between is picked up by the next reconfiguration: the connector's next listing
 *       changes the digest, the configs change, and Connect restarts the tasks). The config is the same size for 5
 *       partitions or 5 million. This is used when listing is free: the connector counted no HTTP request while
 *       listing the stream's partitions (a list router over config values).
 *   <li>An <b>explicit list</b> of units, round-robin: when listing costs requests (a substream's parents), so that
 *       the parents are listed once, by the connector, not once per task. Lists longer than
 *       {@value #PLAIN_LIMIT} characters are deflated ({@link Deflated}); partitions of a substream shrink ten to
 *       twenty times, so about {@value #MAX_UNITS_CHARS} characters hold tens of thousands of partitions per task.
 *       Should a task's list still be longer, the partitioned streams listed explicitly become slices too: each task
 *       then lists the parents itself (N times the listing's requests, logged as a warning), the only way left to
 *       keep the config within the topic's limit.
 * </ul>
 * Whole streams and the ranges of split histories are few (one per task at most) and always listed. The streams of
 * a manifest's stream groups ({@link Stream#exclusiveGroups}) are whole units too ({@link WholeStream}), listed in
 * one task per set of streams linked by shared groups, which reads them one after another.
 */
final class TaskAssignments {

    static final String TASK_SLICES = "sluice.task.slices";
    /** Unit lists up to this many characters stay readable JSON in the config (and in Connect's REST API). */
    static final int PLAIN_LIMIT = 16 * 1024;
    /** The most characters of units one task config holds before partitioned streams are sliced instead. */
    static final int MAX_UNITS_CHARS = 512 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TaskAssignments.class);

    private TaskAssignments() {
    }

    /**
     * A stream's units as the connector planned them.
     *
     * @param freeListing the units are the partitions of a partitioned stream whose listing sent no request
     */
    record StreamUnits(String stream, List<WorkUnit> units, boolean partitioned, boolean freeListing,
            Set<String> exclusiveGroups) {
        StreamUnits {
            requireNonNull(stream, "stream is null");
            units = List.copyOf(units);
            exclusiveGroups = Set.copyOf(exclusiveGroups);
            if (!exclusiveGroups.isEmpty() && partitioned) {
                throw new IllegalArgumentException("the stream " + stream + " of a stream group is planned whole");
            }
        }

        /** A stream in no stream group. */
        StreamUnits(String stream, List<WorkUnit> units, boolean partitioned, boolean freeListing) {
            this(stream, units, partitioned, freeListing, Set.of());
        }
    }

    /**
     * The partitions of {@code stream} whose key hashes to {@code index} of {@code count}.
     *
     * @param digest of the partition keys the connector listed: a changed list changes the task's config
     */
    record Slice(String stream, int index, int count, String digest) {
        Slice {
            requireNonNull(stream, "stream is null");
            requireNonNull(digest, "digest is null");
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("a slice is one of count >= 1: " + index + " of " + count);
            }
        }

        boolean holds(String key) {
            return bucket(key, count) == index;
        }

        /**
         * This slice's units of {@code stream}, listed now.
         *
         * @throws ConnectorException when listing fails
         */
        List<WorkUnit> units(Stream source) {
            Optional<StreamPartitioning> partitioning = source.partitioning();
            if (partitioning.isEmpty()) {
                throw new ConnectException("Stream " + stream + " has no partitions to slice");
            }
            List<RouterPartition> partitions = partitioning.get().partitions();
            List<WorkUnit> units = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (RouterPartition partition : partitions) {
                keys.add(partition.key());
                if (holds(partition.key())) {
                    units.add(WorkUnit.partition(stream, partition));
                }
            }
            if (!digest.equals(digestOf(keys))) {
                log.info("The partitions of stream {} changed since the connector listed them; reading the {} of "
                        + "this task's slice listed now", stream, units.size());
            }
            return units;
        }
    }

    /** What one task reads: units given by name, and slices it lists itself. */
    record Assignment(List<WorkUnit> units, List<Slice> slices) {
        Assignment {
            units = List.copyOf(units);
            slices = List.copyOf(slices);
        }

        /** The task config entries that hand this assignment over. */
        Map<String, String> settings() {
            Map<String, String> settings = new HashMap<>();
            settings.put(WorkUnit.TASK_UNITS, WorkUnit.encodeCompact(units, PLAIN_LIMIT));
            if (!slices.isEmpty()) {
                ArrayNode array = Json.nodes().arrayNode();
                for (Slice slice : slices) {
                    array.addObject().put("stream", slice.stream()).put("index", slice.index())
                            .put("count", slice.count()).put("digest", slice.digest());
                }
                settings.put(TASK_SLICES, Json.write(array));
            }
            return settings;
        }

        static Assignment of(Map<String, String> settings) {
            String units = settings.get(WorkUnit.TASK_UNITS);
            return new Assignment(units == null ? List.of() : WorkUnit.decode(units), slices(settings.get(TASK_SLICES)));
        }

        private static List<Slice> slices(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            try {
                List<Slice> slices = new ArrayList<>();
                for (JsonNode node : Json.parse(text)) {
                    slices.add(new Slice(node.path("stream").asText(), node.path("index").asInt(-1),
                            node.path("count").asInt(0), node.path("digest").asText()));
                }
                return slices;
            } catch (JsonProcessingException | RuntimeException e) {
                throw new ConnectException("Invalid task assignment " + TASK_SLICES + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The assignments of at most {@code maxTasks} tasks: as many as there are units, up to {@code maxTasks}; units
     * listed round-robin in order, so that the partitions of one stream go to different tasks; slices one per task.
     */
    static List<Assignment> assign(List<StreamUnits> streams, int maxTasks) {
        return assign(streams, maxTasks, MAX_UNITS_CHARS);
    }

    /** {@link #assign(List, int)} with units of at most {@code maxUnitsChars} characters per task. */
    static List<Assignment> assign(List<StreamUnits> streams, int maxTasks, int maxUnitsChars) {
        int total = streams.stream().mapToInt(stream -> stream.units().size()).sum();
        int count = Math.min(maxTasks, total);
        if (count <= 0) {
            return List.of();
        }
        List<Assignment> assignments = assign(streams, count, false);
        int longest = assignments.stream().mapToInt(a -> a.settings().get(WorkUnit.TASK_UNITS).length()).max()
                .orElse(0);
        if (longest > maxUnitsChars) {
            log.warn("A task's units take {} characters even deflated, more than {}: every task lists the partitions "
                    + "of the partitioned streams itself (each listing's requests are sent once per task)", longest,
                    maxUnitsChars);
            assignments = assign(streams, count, true);
        }
        return assignments;
    }

    private static List<Assignment> assign(List<StreamUnits> streams, int count, boolean sliceAllPartitioned) {
        List<List<WorkUnit>> listed = new ArrayList<>();
        List<List<Slice>> sliced = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            listed.add(new ArrayList<>());
            sliced.add(new ArrayList<>());
        }
        int next = 0;
        Map<String, String> linked = linkedGroups(streams);
        Map<String, Integer> taskOfSet = new HashMap<>();
        for (StreamUnits stream : streams) {
            if (!stream.exclusiveGroups().isEmpty()) {
                next = placeGrouped(stream, linked, taskOfSet, listed, next, count);
                continue;
            }
            if (stream.partitioned() && (stream.freeListing() || sliceAllPartitioned)) {
                String digest = digestOf(stream.units().stream().map(unit -> unit.sourcePartition().get("partition"))
                        .toList());
                for (int i = 0; i < count; i++) {
                    sliced.get(i).add(new Slice(stream.stream(), i, count, digest));
                }
                continue;
            }
            for (WorkUnit unit : stream.units()) {
                listed.get(next).add(unit);
                next = (next + 1) % count;
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assignments.add(new Assignment(listed.get(i), sliced.get(i)));
        }
        return assignments;
    }

    /**
     * Lists the units of a stream of stream groups in the one task that reads every stream linked to it by a shared
     * group (a new task, round-robin, for the first stream of such a set), so that streams sharing a group are read
     * one after another, never by two tasks at once. Returns the next round-robin task.
     */
    private static int placeGrouped(StreamUnits stream, Map<String, String> linked, Map<String, Integer> taskOfSet,
            List<List<WorkUnit>> listed, int next, int count) {
        String set = root(linked, stream.exclusiveGroups().iterator().next());
        Integer task = taskOfSet.get(set);
        int nextTask = next;
        if (task == null) {
            task = next;
            taskOfSet.put(set, task);
            nextTask = (next + 1) % count;
        }
        listed.get(task).addAll(stream.units());
        return nextTask;
    }

    /** Groups linked by the streams that hold several: each group points towards its set's representative. */
    private static Map<String, String> linkedGroups(List<StreamUnits> streams) {
        Map<String, String> parent = new HashMap<>();
        for (StreamUnits stream : streams) {
            String first = null;
            for (String group : new TreeSet<>(stream.exclusiveGroups())) {
                parent.putIfAbsent(group, group);
                if (first == null) {
                    first = root(parent, group);
                } else {
                    parent.put(root(parent, group), first);
                }
            }
        }
        return parent;
    }

    private static String root(Map<String, String> parent, String group) {
        String current = group;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        return current;
    }

    /**
     * The slice of {@code count} a key falls in: its {@link String#hashCode} (the same in every JVM), mixed so that
     * keys differing in their last characters spread evenly.
     */
    static int bucket(String key, int count) {
        int hash = key.hashCode();
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return Math.floorMod(hash, count);
    }

    /** A short digest of partition keys in order (SHA-256, first 16 hex digits). */
    static String digestOf(List<String> keys) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String key : keys) {
                sha.update(key.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
