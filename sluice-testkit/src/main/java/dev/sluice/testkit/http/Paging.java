package dev.sluice.testkit.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a page response says there is a next page (the reference's {@code PaginationStrategy}): a token or a link
 * in a body field, or an RFC 8288 {@code Link} header. {@link PageBuilder#withNextPage(String)} writes the next
 * page's token or URL there; {@link PageBuilder#lastPage()} writes that there is none.
 */
public interface Paging {

    /** Marks {@code page} as followed by the page at {@code next}, or as the last page when {@code next} is null. */
    void mark(PageBuilder.Draft page, @Nullable String next);

    /**
     * The token or link in the body field at {@code pointer} ({@code /meta/next_page_token},
     * {@code /links/next}); a last page has {@code null} there. Missing objects on the way are created.
     */
    static Paging fieldAt(String pointer) {
        JsonPointer at = JsonPointer.compile(Objects.requireNonNull(pointer, "pointer is null"));
        if (at.matches()) {
            throw new IllegalArgumentException("a paging field needs a pointer below the root, not \"\"");
        }
        return (page, next) -> {
            if (!(page.body() instanceof ObjectNode body)) {
                throw new IllegalStateException("paging field " + pointer + " needs a JSON object response");
            }
            ObjectNode parent = Pointers.parentOf(body, at);
            String field = at.last().getMatchingProperty();
            if (next == null) {
                parent.putNull(field);
            } else {
                parent.put(field, next);
            }
        };
    }

    /**
     * A {@code Link: <next>; rel="next"} header; a last page has no {@code Link} header. Give
     * {@link PageBuilder#withNextPage(String)} the full URL ({@code http.url("/items?page=2")}).
     */
    static Paging linkHeader() {
        return (page, next) -> {
            if (next == null) {
                page.headers().keySet().removeIf(name -> name.equalsIgnoreCase("Link"));
            } else {
                page.headers().put("Link", "<" + next + ">; rel=\"next\"");
            }
        };
    }

    /** A numeric page or offset in the body field at {@code pointer}; a last page has {@code null} there. */
    static Paging numberAt(String pointer) {
        Paging field = fieldAt(pointer);
        JsonPointer at = JsonPointer.compile(pointer);
        return (page, next) -> {
            field.mark(page, next);
            if (next != null) {
                JsonNode number = Json.nodes().numberNode(Long.parseLong(next));
                Pointers.parentOf((ObjectNode) page.body(), at).set(at.last().getMatchingProperty(), number);
            }
        };
    }
}
