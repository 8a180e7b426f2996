package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Copy-on-write edits of a record: containers are copied (shallowly) only along the paths that change, so a
 * transformation that sets one field copies one object, not the whole record, and never touches its input.
 * One instance per record; not thread-safe.
 */
final class RecordCopy {

    private final ObjectNode original;
    private ObjectNode root;
    private final Set<JsonNode> owned = Collections.newSetFromMap(new IdentityHashMap<>());

    RecordCopy(ObjectNode original) {
        this.original = original;
        this.root = original;
    }

    /** The edited record, or the original when nothing was edited. */
    ObjectNode result() {
        return root;
    }

    boolean changed() {
        return root != original;
    }

    /** The current value at {@code path}, or null when the path does not exist. */
    @Nullable JsonNode read(List<DpathGlob.Step> path) {
        JsonNode node = root;
        for (DpathGlob.Step step : path) {
            node = child(node, step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The root, copied if it is still the input. */
    ObjectNode writableRoot() {
        if (root == original) {
            root = shallowCopy(original);
            owned.add(root);
        }
        return root;
    }

    /**
     * The container at {@code path} (which must exist and be a container), copying it and its ancestors when they
     * still belong to the input.
     */
    ContainerNode<?> writable(List<DpathGlob.Step> path) {
        ContainerNode<?> node = writableRoot();
        for (DpathGlob.Step step : path) {
            JsonNode next = child(node, step);
            if (next == null || !next.isContainerNode()) {
                throw new IllegalStateException("no container at " + path);
            }
            node = own(node, step, (ContainerNode<?>) next);
        }
        return node;
    }

    /** {@code child} of the writable {@code parent}, copied into it first unless this edit created or copied it. */
    ContainerNode<?> own(ContainerNode<?> parent, DpathGlob.Step step, ContainerNode<?> child) {
        if (owned.contains(child)) {
            return child;
        }
        ContainerNode<?> copy = shallowCopy(child);
        owned.add(copy);
        if (step.isIndex()) {
            ((ArrayNode) parent).set(step.index(), copy);
        } else {
            ((ObjectNode) parent).set(step.key(), copy);
        }
        return copy;
    }

    /** Marks a container this edit created, so that it is not copied again. */
    <T extends ContainerNode<?>> T created(T container) {
        owned.add(container);
        return container;
    }

    /**
     * dpath's {@code delete} of one path that exists: a key is removed; a list element is removed when it is the
     * last one, and otherwise set to null so that the other elements keep their indexes.
     */
    void delete(List<DpathGlob.Step> path) {
        DpathGlob.Step last = path.get(path.size() - 1);
        ContainerNode<?> parent = writable(path.subList(0, path.size() - 1));
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(last.key());
        } else if (last.index() == parent.size() - 1) {
            ((ArrayNode) parent).remove(last.index());
        } else {
            ((ArrayNode) parent).set(last.index(), Json.nodes().nullNode());
        }
    }

    static @Nullable JsonNode child(JsonNode node, DpathGlob.Step step) {
        if (step.isIndex()) {
            return node.isArray() && step.index() < node.size() ? node.get(step.index()) : null;
        }
        return node.isObject() ? node.get(step.key()) : null;
    }

    @SuppressWarnings("unchecked")
    static <T extends ContainerNode<?>> T shallowCopy(T node) {
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            copy.setAll((ObjectNode) node);
            return (T) copy;
        }
        ArrayNode copy = Json.nodes().arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        return (T) copy;
    }
}
