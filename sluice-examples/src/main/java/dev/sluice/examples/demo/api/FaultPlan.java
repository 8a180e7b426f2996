package dev.sluice.examples.demo.api;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;

/**
 * The faults scheduled on a running {@link DemoApi}. Thread-safe: a test may change the plan while a connector
 * is reading.
 *
 * <p>Each data request (not {@code /_admin/}) takes the first scheduled rule that {@linkplain FaultRule matches}
 * it and still has uses left, in the order the rules were added; a rule whose uses run out is removed. So
 * <pre>{@code
 * api.faults().times(2, "/employees?page=8", new Fault.Status(503));
 * api.faults().once("/employees", new Fault.Reset());
 * }</pre>
 * answers the first two requests for page 8 with 503 and resets the first request for any other page (or the
 * third for page 8).
 */
public final class FaultPlan {

    private final List<FaultRule> rules = new ArrayList<>();

    FaultPlan() {
    }

    /** Schedules a rule after those already scheduled. */
    public synchronized FaultPlan add(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    /** Applies {@code fault} to the next request matching {@code target} ({@code /employees?page=8}). */
    public FaultPlan once(String target, Fault fault) {
        return add(FaultRule.of(target, fault, 1));
    }

    /** Applies {@code fault} to the next {@code times} requests matching {@code target}. */
    public FaultPlan times(int times, String target, Fault fault) {
        return add(FaultRule.of(target, fault, times));
    }

    /** Applies {@code fault} to every request matching {@code target} until {@link #clear()}. */
    public FaultPlan always(String target, Fault fault) {
        return add(FaultRule.of(target, fault, FaultRule.ALWAYS));
    }

    /** Unschedules every rule and returns how many there were. */
    public synchronized int clear() {
        int count = rules.size();
        rules.clear();
        return count;
    }

    /**
     * The rules still scheduled, in order, each with its remaining uses as {@link FaultRule#times()}. Empty once
     * every counted fault has fired, which lets a test check that its faults were actually exercised.
     */
    public synchronized List<FaultRule> pending() {
        return List.copyOf(rules);
    }

    /** Takes one use of the first rule matching the request. */
    synchronized Optional<Fault> take(RecordedRequest request) {
        for (ListIterator<FaultRule> iterator = rules.listIterator(); iterator.hasNext(); ) {
            FaultRule rule = iterator.next();
            if (!rule.matches(request)) {
                continue;
            }
            if (rule.times() == 1) {
                iterator.remove();
            } else if (rule.times() != FaultRule.ALWAYS) {
                iterator.set(rule.withTimes(rule.times() - 1));
            }
            return Optional.of(rule.fault());
        }
        return Optional.empty();
    }
}
