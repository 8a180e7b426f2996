package dev.sluice.declarative.interpolation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The variables a template may read — {@code config}, {@code parameters}, {@code stream_slice}, {@code record},
 * {@code response}, ... — as Jackson values, plus the {@link Clock} behind {@code now_utc()} and friends.
 *
 * <p>Immutable and cheap to derive: {@link #with} copies a small array of references and wraps the JSON value
 * without copying it, so deriving a context per record costs nanoseconds. Values are read lazily by templates and
 * never converted wholesale. Adding {@code stream_slice} also binds its aliases {@code stream_interval} and
 * {@code stream_partition}, as the reference does; binding the aliases directly is a programming error.
 */
public final class InterpolationContext {

    private static final String STREAM_SLICE = "stream_slice";
    /** A list, not a set: binding order is visible through {@link #names()}. */
    private static final List<String> SLICE_ALIASES = List.of("stream_interval", "stream_partition");

    private final String[] names;
    private final Object[] values;
    private final Clock clock;

    private InterpolationContext(String[] names, Object[] values, Clock clock) {
        this.names = names;
        this.values = values;
        this.clock = clock;
    }

    /** A context holding only {@code config}, with the system UTC clock. */
    public static InterpolationContext of(JsonNode config) {
        return new InterpolationContext(new String[0], new Object[0], Clock.systemUTC()).with("config", config);
    }

    /**
     * A new context with {@code name} bound (replacing any previous value). A {@code null} value binds Python's
     * {@code None}: the variable exists (so templates naming it are not "undeclared") but is empty.
     *
     * @throws IllegalArgumentException for {@code stream_interval}/{@code stream_partition}, which are derived
     */
    public InterpolationContext with(String name, @Nullable JsonNode value) {
        requireNonNull(name, "name is null");
        if (SLICE_ALIASES.contains(name)) {
            throw new IllegalArgumentException("Found reserved keyword " + name + " in interpolation context; bind "
                    + STREAM_SLICE + " instead");
        }
        Object converted = value == null ? PyNone.NONE : Py.fromJson(value);
        InterpolationContext result = bind(name, converted);
        if (name.equals(STREAM_SLICE)) {
            for (String alias : SLICE_ALIASES) {
                result = result.bind(alias, converted);
            }
        }
        return result;
    }

    private InterpolationContext bind(String name, Object value) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                Object[] copy = values.clone();
                copy[i] = value;
                return new InterpolationContext(names, copy, clock);
            }
        }
        String[] moreNames = Arrays.copyOf(names, names.length + 1);
        Object[] moreValues = Arrays.copyOf(values, values.length + 1);
        moreNames[names.length] = name;
        moreValues[values.length] = value;
        return new InterpolationContext(moreNames, moreValues, clock);
    }

    /** The same variables read against another clock (tests freeze time with {@link Clock#fixed}). */
    public InterpolationContext withClock(Clock clock) {
        return new InterpolationContext(names, values, requireNonNull(clock, "clock is null"));
    }

    public Clock clock() {
        return clock;
    }

    public boolean has(String name) {
        return lookup(name) != null;
    }

    /** Bound variable names, in binding order. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** The evaluator's view of a variable, or {@code null} when it is not bound. */
    @Nullable Object lookup(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public String toString() {
        // Values are deliberately left out: config holds secrets.
        return "InterpolationContext" + Arrays.toString(names);
    }
}
