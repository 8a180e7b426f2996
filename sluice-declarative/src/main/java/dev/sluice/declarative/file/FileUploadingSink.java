package dev.sluice.declarative.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteRecordFileReference;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;

/**
 * A sink that uploads each record's file before handing the record on with its file reference. It runs on the
 * delivering thread, so a checkpoint still follows the files of the records it covers; the downloads of one stream
 * are therefore sequential.
 */
public final class FileUploadingSink implements StreamSink {

    private final FileUploader uploader;
    private final StreamSink next;

    public FileUploadingSink(FileUploader uploader, StreamSink next) {
        this.uploader = uploader;
        this.next = next;
    }

    @Override
    public void record(ObjectNode data) {
        next.record(data, uploader.upload(data));
    }

    @Override
    public void record(ObjectNode data, AirbyteRecordFileReference file) {
        next.record(data, file);
    }

    @Override
    public void checkpoint(StreamState state) {
        next.checkpoint(state);
    }
}
