package dev.sluice.testkit.standard;

/**
 * The standard tests, named for {@link SourceStandardTests#setUpApi(StandardTest)}: a mock API set up per test
 * answers only the requests that test sends.
 */
public enum StandardTest {
    /** {@code spec} is a valid draft-07 schema; sends no request. */
    SPEC_IS_VALID,
    /** Every secret-looking config property is {@code airbyte_secret}; sends no request. */
    SECRETS_ARE_MARKED,
    /** {@code check} with the invalid config fails with a config error. */
    CHECK_INVALID_CONFIG,
    /** {@code discover}'s schemas are valid draft-07 schemas. */
    DISCOVER_SCHEMAS_ARE_VALID,
    /** {@code discover}'s primary keys and default cursor fields are in their schemas. */
    DISCOVER_KEYS_EXIST,
    /** A full-refresh read of every stream; each record matches its schema. */
    FULL_READ_MATCHES_SCHEMAS,
    /** An incremental read; each STATE follows the records it covers. */
    INCREMENTAL_STATE_AFTER_RECORDS,
    /** Two incremental reads, the second from the first's final state. */
    INCREMENTAL_SECOND_READ,
    /** A full-refresh read of the resumable streams, then one read resumed from each checkpoint. */
    RESUMABLE_FULL_REFRESH
}
