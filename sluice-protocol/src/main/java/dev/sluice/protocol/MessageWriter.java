package dev.sluice.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The only code that writes protocol output. One JSON object per line, written whole under a lock so that
 * lines from several threads never interleave. Output is buffered and flushed after every STATE and TRACE
 * (so a crash never loses a checkpoint the platform could have seen) and on {@link #flush()} / {@link #close()}.
 * Texts of LOG, TRACE and CONNECTION_STATUS messages pass through the {@link SecretMasker}.
 *
 * <p>Thread-safe.
 */
public final class MessageWriter implements MessageSink, AutoCloseable {

    private static final SerializedString NO_SEPARATOR = new SerializedString("");

    private final JsonGenerator generator;
    private volatile SecretMasker masker = SecretMasker.none();
    private volatile SecretRegistry registry = new SecretRegistry();
    private volatile Combined combined = new Combined(SecretMasker.none(), SecretMasker.none(),
            SecretMasker.none());

    public MessageWriter(OutputStream out) {
        try {
            this.generator = Json.MAPPER.getFactory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setRootValueSeparator(NO_SEPARATOR);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** A writer on the process's standard output (the file descriptor, bypassing {@code System.out}). */
    public static MessageWriter stdout() {
        return new MessageWriter(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }

    /** Masks these secrets in every later LOG, TRACE and CONNECTION_STATUS text. */
    public void maskSecrets(SecretMasker secrets) {
        this.masker = secrets;
    }

    /**
     * Masks the config's secrets and those the run this writer writes for obtains while it runs, in every later
     * LOG, TRACE and CONNECTION_STATUS text.
     */
    public void maskSecrets(SecretMasker configured, SecretRegistry obtained) {
        this.masker = configured;
        this.registry = obtained;
    }

    /** The config's secrets and those the run obtained so far ({@link #maskSecrets(SecretMasker, SecretRegistry)}). */
    public SecretMasker masker() {
        SecretMasker configured = masker;
        SecretMasker runtime = registry.masker();
        Combined current = combined;
        if (current.configured() != configured || current.runtime() != runtime) {
            current = new Combined(configured, runtime, runtime.isEmpty() ? configured : configured.plus(runtime));
            combined = current;
        }
        return current.both();
    }

    /** The last combination made, so that masking a message does not merge the two maskers every time. */
    private record Combined(SecretMasker configured, SecretMasker runtime, SecretMasker both) {
    }

    @Override
    public void accept(AirbyteMessage message) {
        write(message);
    }

    public synchronized void write(AirbyteMessage message) {
        try {
            generator.writeStartObject();
            generator.writeStringField("type", message.messageType().name());
            generator.writeFieldName(message.messageType().payloadField());
            switch (message.messageType()) {
                case RECORD -> writeRecord((AirbyteRecord) message);
                case LOG -> Json.MAPPER.writeValue(generator, masked((AirbyteLog) message));
                case TRACE -> Json.MAPPER.writeValue(generator, masked((AirbyteTrace) message));
                case CONNECTION_STATUS -> Json.MAPPER.writeValue(generator, masked((ConnectionStatus) message));
                case STATE, SPEC, CATALOG, CONTROL -> Json.MAPPER.writeValue(generator, message);
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
            AirbyteMessage.Type type = message.messageType();
            if (type != AirbyteMessage.Type.RECORD && type != AirbyteMessage.Type.LOG) {
                generator.flush();
            }
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    private void writeRecord(AirbyteRecord record) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("stream", record.stream());
        generator.writeFieldName("data");
        generator.writeStartObject();
        // The reference drops top-level null values of a record's data; nested nulls stay.
        Iterator<Map.Entry<String, JsonNode>> fields = record.data().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                generator.writeFieldName(field.getKey());
                writeValue(value);
            }
        }
        generator.writeEndObject();
        generator.writeNumberField("emitted_at", record.emittedAt());
        if (record.namespace() != null) {
            generator.writeStringField("namespace", record.namespace());
        }
        if (record.fileReference() != null) {
            generator.writeFieldName("file_reference");
            Json.MAPPER.writeValue(generator, record.fileReference());
        }
        generator.writeEndObject();
    }

    /**
     * Writes a JSON value straight to the generator. {@code ObjectMapper.writeTree} would set up a serializer
     * provider for every call, which dominated the cost of writing records.
     */
    private void writeValue(JsonNode value) throws IOException {
        switch (value.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    generator.writeFieldName(field.getKey());
                    writeValue(field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : value) {
                    writeValue(element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(value.textValue());
            case NUMBER -> writeNumber(value);
            case BOOLEAN -> generator.writeBoolean(value.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            case BINARY, POJO -> Json.MAPPER.writeTree(generator, value);
        }
    }

    private void writeNumber(JsonNode value) throws IOException {
        switch (value.numberType()) {
            case INT -> generator.writeNumber(value.intValue());
            case LONG -> generator.writeNumber(value.longValue());
            case BIG_INTEGER -> generator.writeNumber(value.bigIntegerValue());
            case FLOAT -> generator.writeNumber(value.floatValue());
            case DOUBLE -> generator.writeNumber(value.doubleValue());
            case BIG_DECIMAL -> generator.writeNumber(value.decimalValue());
        }
    }

    private AirbyteLog masked(AirbyteLog log) {
        SecretMasker m = masker();
        if (m.isEmpty()) {
            return log;
        }
        return new AirbyteLog(log.level(), m.mask(log.message()),
                log.stackTrace() == null ? null : m.mask(log.stackTrace()));
    }

    private AirbyteTrace masked(AirbyteTrace trace) {
        SecretMasker m = masker();
        AirbyteTrace.TraceError error = trace.error();
        if (m.isEmpty() || error == null) {
            return trace;
        }
        AirbyteTrace.TraceError maskedError = new AirbyteTrace.TraceError(
                m.mask(error.message()),
                error.internalMessage() == null ? null : m.mask(error.internalMessage()),
                error.stackTrace() == null ? null : m.mask(error.stackTrace()),
                error.failureType(),
                error.streamDescriptor());
        return new AirbyteTrace(trace.type(), trace.emittedAt(), maskedError, trace.streamStatus(), trace.estimate());
    }

    private ConnectionStatus masked(ConnectionStatus status) {
        SecretMasker m = masker();
        if (m.isEmpty() || status.message() == null) {
            return status;
        }
        return new ConnectionStatus(status.status(), m.mask(status.message()));
    }

    public synchronized void flush() {
        try {
            generator.flush();
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    @Override
    public synchronized void close() {
        flush();
    }

    /**
     * Plain text instead of protocol messages, masked like them: the usage or version a command prints when asked
     * ({@code --help}, {@code --version}) and then exits without protocol output, as the reference's argparse
     * entrypoint does.
     */
    public synchronized void writeText(String text) {
        try {
            generator.writeRaw(masker().mask(text));
            generator.flush();
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    /** The output cannot be written any more: its reader went away (a broken pipe) or the device failed. */
    public static final class OutputClosedException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        OutputClosedException(IOException cause) {
            super("cannot write to standard output", cause);
        }
    }
}
