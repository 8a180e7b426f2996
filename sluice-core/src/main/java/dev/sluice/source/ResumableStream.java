package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A full-refresh stream that checkpoints after every page, so an interrupted read resumes at the page after
 * the last checkpoint ("resumable full refresh"). The state is the next page's token, e.g. {@code {"page": 3}};
 * when the last page has been read the state becomes {@code {"__ab_full_refresh_sync_complete": true}}, and a
 * read given that state reads nothing.
 */
public abstract class ResumableStream implements Stream {

    /** One page: its records and the token of the next page, or null after the last page. */
    public record Page(List<ObjectNode> records, @Nullable ObjectNode nextToken) {
        public Page {
            records = List.copyOf(records);
        }
    }

    /** Reads one page; {@code token} is null for the first page. */
    protected abstract Page readPage(@Nullable ObjectNode token);

    @Override
    public boolean isResumable() {
        return true;
    }

    @Override
    public final void read(ReadRequest request, StreamSink sink) {
        StreamState state = request.state();
        if (state.isFullRefreshComplete()) {
            return;
        }
        ObjectNode token = state.isEmpty() ? null : state.json();
        do {
            Page page = readPage(token);
            page.records().forEach(sink::record);
            token = page.nextToken();
            sink.checkpoint(token == null ? StreamState.fullRefreshComplete() : new StreamState(token));
        } while (token != null);
    }
}
