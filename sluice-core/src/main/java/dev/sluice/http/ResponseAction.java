package dev.sluice.http;

/** What to do with a response or a transport failure. */
public enum ResponseAction {
    SUCCESS,
    RETRY,
    FAIL,
    IGNORE,
    RATE_LIMITED,
    RESET_PAGINATION,
    REFRESH_TOKEN_THEN_RETRY
}
