package dev.sluice.declarative.retriever;

import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.SliceNarrowing;
import dev.sluice.declarative.component.StreamSlice;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a retriever asks of the stream about a slice: the options the cursor and routers add to its requests, and,
 * when a pagination reset narrows the slice, a fresh {@link SliceNarrowing} from the stream's cursor.
 */
public interface SliceRequests {

    /** The options of requests made for {@code slice} (the read's slice, or a narrowed one). */
    RequestOptions options(StreamSlice slice);

    /** A fresh narrowing for one slice read; empty when the stream's cursor cannot narrow. */
    Optional<SliceNarrowing> narrowing();

    /** Options computed per slice, and narrowings from {@code narrowing} (called once per slice read). */
    static SliceRequests of(Function<StreamSlice, RequestOptions> options,
            Supplier<Optional<SliceNarrowing>> narrowing) {
        return new SliceRequests() {
            @Override
            public RequestOptions options(StreamSlice slice) {
                return options.apply(slice);
            }

            @Override
            public Optional<SliceNarrowing> narrowing() {
                return narrowing.get();
            }
        };
    }

    /** Fixed options and no narrowing. */
    static SliceRequests fixed(RequestOptions options) {
        return new SliceRequests() {
            @Override
            public RequestOptions options(StreamSlice slice) {
                return options;
            }

            @Override
            public Optional<SliceNarrowing> narrowing() {
                return Optional.empty();
            }
        };
    }
}
