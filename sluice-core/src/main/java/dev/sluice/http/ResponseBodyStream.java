package dev.sluice.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A response body as an {@link InputStream} with a read timeout. The JDK client's own timeout stops at the
 * response headers, so a server that stalls mid-body would block a reader forever; here every read waits at
 * most {@code readTimeout} for the next chunk. At most {@link #WINDOW} chunks are requested ahead of the reader
 * (back-pressure to the socket with a bounded buffer): requesting one at a time left the reader waiting for the
 * client's next read after every chunk.
 */
final class ResponseBodyStream extends InputStream implements BodySubscriber<InputStream> {

    private static final Object END = new Object();
    /** Chunks requested ahead of the reader; a chunk is a few to some tens of kilobytes. */
    static final int WINDOW = 8;

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long timeoutNanos;
    private volatile Flow.@Nullable Subscription subscription;
    private @Nullable Iterator<ByteBuffer> batch;
    private @Nullable ByteBuffer current;
    private boolean finished;

    ResponseBodyStream(Duration readTimeout) {
        this.timeoutNanos = readTimeout.toNanos();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        newSubscription.request(WINDOW);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.offer(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.offer(throwable);
    }

    @Override
    public void onComplete() {
        queue.offer(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        ByteBuffer buffer = nextBuffer();
        if (buffer == null) {
            return -1;
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(target, offset, n);
        return n;
    }

    private @Nullable ByteBuffer nextBuffer() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (finished) {
                return null;
            }
            if (batch != null && batch.hasNext()) {
                current = batch.next();
                continue;
            }
            if (batch != null) {
                batch = null;
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.request(1);
                }
            }
            Object item = take();
            if (item == END) {
                finished = true;
                return null;
            }
            if (item instanceof Throwable failure) {
                finished = true;
                throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) item;
            batch = buffers.iterator();
        }
        return current;
    }

    private Object take() throws IOException {
        Object item;
        try {
            item = queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new InterruptedIOException("interrupted while reading the response body");
        }
        if (item == null) {
            cancel();
            throw new HttpTimeoutException("no data received for " + Duration.ofNanos(timeoutNanos).toSeconds()
                    + " s while reading the response body");
        }
        return item;
    }

    private void cancel() {
        finished = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void close() {
        if (!finished) {
            cancel();
        }
    }
}
