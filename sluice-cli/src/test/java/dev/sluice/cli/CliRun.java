package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.MessageReader;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.testkit.Output;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process and keeps both the raw stdout text and the parsed messages. */
record CliRun(String stdout, Output output) {

    static CliRun of(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Main.execute(new MessageWriter(bytes), args);
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<AirbyteMessage> messages = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                messages.add(MessageReader.parse(line));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("stdout has a line that is not a protocol message: " + line, e);
            }
        }
        return new CliRun(text, new Output(messages, exit));
    }

    int exitCode() {
        return output.exitCode();
    }
}
