package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.Retriever;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.protocol.FailureType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** CustomRetriever: GETs {@code url} (a template) over the run's transport; each line {@code n=name} is a record. */
public final class LinesRetriever implements Retriever {

    private final BuildContext build;
    private final String url;

    public LinesRetriever(CustomComponentContext context) {
        this.build = context.buildContext();
        this.url = context.rendered("url").orElseThrow(() -> context.invalid("url", "is required"));
    }

    @Override
    public void read(StreamSlice slice, RequestOptions sliceOptions, Consumer<ObjectNode> records) {
        HttpResponse response;
        try {
            response = build.transport().exchange(HttpRequest.get(URI.create(url)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!response.isSuccessful()) {
            throw new ConnectorException(FailureType.TRANSIENT_ERROR, "lines: status " + response.status());
        }
        for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                records.accept(Json.object().put("id", Long.parseLong(line.substring(0, eq).strip()))
                        .put("name", line.substring(eq + 1).strip()));
            }
        }
    }
}
