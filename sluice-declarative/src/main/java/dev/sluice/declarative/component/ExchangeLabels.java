package dev.sluice.declarative.component;

import dev.sluice.http.ExchangeObserver;
import dev.sluice.source.RunContext;

/**
 * A run's way of seeing each request with what it is for: every component that builds an HTTP executor asks it for
 * an observer of its {@link ExchangeLabel} and adds that to the executor. A run has none ({@link #NONE}: executors
 * stay as they are, pages keep streaming) unless whoever runs the source presets one — the Connector Builder's test
 * read, which shows every page, token request and parent-stream request.
 */
public interface ExchangeLabels {

    ExchangeLabels NONE = new ExchangeLabels() {
        @Override
        public ExchangeObserver observer(ExchangeLabel label) {
            return ExchangeObserver.NONE;
        }

        @Override
        public boolean needsBodies() {
            return false;
        }
    };

    /** A run's labels, {@link #NONE} unless preset. */
    RunContext.Service<ExchangeLabels> SERVICE = RunContext.Service.of("HTTP exchange labels", ExchangeLabels.class,
            run -> NONE);

    /** What sees the exchanges labelled {@code label}; {@link ExchangeObserver#NONE} for none. */
    ExchangeObserver observer(ExchangeLabel label);

    /**
     * Whether the observers need whole response bodies: then pages are read whole rather than streamed (a streamed
     * body is observed without its bytes).
     */
    boolean needsBodies();
}
