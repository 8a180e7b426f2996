package dev.sluice.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.MessageReader;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** One launched command: its exit code, its standard output as text, and that output parsed into messages. */
record Launched(int exitCode, String stdout, List<AirbyteMessage> messages) {

    /** Runs {@code command} with a fresh output stream and parses what it printed. */
    static Launched of(ToIntFunction<ByteArrayOutputStream> command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = command.applyAsInt(bytes);
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<AirbyteMessage> messages = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || !line.startsWith("{")) {
                continue;
            }
            try {
                messages.add(MessageReader.parse(line));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("stdout has a line that is not a protocol message: " + line, e);
            }
        }
        return new Launched(exit, text, List.copyOf(messages));
    }

    <T extends AirbyteMessage> List<T> all(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
