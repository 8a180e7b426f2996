package dev.sluice.declarative.asyncjob;

/** Where a server-side job stands, as Sluice sees it (the API's own statuses map onto these). */
public enum JobStatus {
    RUNNING(false),
    COMPLETED(true),
    FAILED(true),
    TIMED_OUT(true),
    /** The API has no data for the job: nothing is downloaded and nothing is retried. */
    SKIPPED(true);

    private final boolean terminal;

    JobStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** A terminal status never changes again, except when a running job is asked about afresh. */
    public boolean isTerminal() {
        return terminal;
    }
}
