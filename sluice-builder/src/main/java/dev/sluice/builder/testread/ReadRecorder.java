package dev.sluice.builder.testread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.ExchangeLabel;
import dev.sluice.declarative.component.ExchangeLabels;
import dev.sluice.http.ExchangeObserver;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.source.ConfigUpdateListener;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records the events of one test read in the order they happen. One recorder per read; synchronised because a
 * component may send from a pool thread (the read itself runs one request at a time).
 */
final class ReadRecorder implements ExchangeLabels, ConfigUpdateListener {

    private final List<ReadEvent> events = new ArrayList<>();
    private int records;

    @Override
    public ExchangeObserver observer(ExchangeLabel label) {
        return new ExchangeObserver() {
            @Override
            public void onResponse(HttpRequest request, HttpResponse response) {
                add(new ReadEvent.Exchange(label, request, response));
            }
        };
    }

    @Override
    public boolean needsBodies() {
        return true;
    }

    @Override
    public void configUpdated(ObjectNode newConfig) {
        add(new ReadEvent.ConfigUpdated(newConfig.deepCopy()));
    }

    synchronized void slice(@Nullable ObjectNode descriptor) {
        events.add(new ReadEvent.SliceStarted(descriptor));
    }

    synchronized void record(ObjectNode data) {
        records++;
        events.add(new ReadEvent.RecordRead(data));
    }

    synchronized int records() {
        return records;
    }

    synchronized void state(JsonNode message) {
        events.add(new ReadEvent.StateEmitted(message));
    }

    synchronized void log(LogMessageView log) {
        events.add(new ReadEvent.Logged(log));
    }

    synchronized List<ReadEvent> events() {
        return List.copyOf(events);
    }

    private synchronized void add(ReadEvent event) {
        events.add(event);
    }
}
