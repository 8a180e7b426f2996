package dev.sluice.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.http.HttpResponseException;
import dev.sluice.protocol.FailureType;
import org.junit.jupiter.api.Test;

class ConnectorExceptionTest {

    @Test
    void aLocationEndsTheInternalMessageAndLeavesTheUserMessage() {
        ConnectorException error = new ConnectorException(FailureType.SYSTEM_ERROR, "shown", "detail", null);

        ConnectorException located = error.locatedAt("at /streams/0/retriever/paginator, line 14");

        assertThat(located).isSameAs(error);
        assertThat(located.getMessage()).isEqualTo("detail (at /streams/0/retriever/paginator, line 14)");
        assertThat(located.userMessage()).isEqualTo("shown");
        assertThat(located.location()).isEqualTo("at /streams/0/retriever/paginator, line 14");
    }

    @Test
    void theFirstLocationWinsAndTheTypeIsKept() {
        HttpResponseException error = new HttpResponseException(FailureType.CONFIG_ERROR, "denied", "403", 403,
                "GET https://api.example.com/items", null);

        error.locatedAt("at /streams/0/retriever/requester/authenticator").locatedAt("at /streams/0");

        assertThat(error.getMessage()).isEqualTo("403 (at /streams/0/retriever/requester/authenticator)");
        assertThat(new ConnectorException(FailureType.SYSTEM_ERROR, "plain").location()).isNull();
    }
}
