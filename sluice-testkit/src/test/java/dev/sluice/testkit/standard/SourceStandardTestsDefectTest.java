package dev.sluice.testkit.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Each standard test catches its seeded defect: the standard tests run (through the JUnit launcher) on a sound
 * source and on one source per defect, and exactly the test that guards the broken rule fails, saying why.
 */
class SourceStandardTestsDefectTest {

    /** The outcome of every standard test of one run: the test's method name → its failure message, or "passed". */
    private static Map<String, String> run(Class<?> fixture) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    String name = test.getDisplayName().replace("()", "");
                    outcomes.put(name, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "passed"
                            : result.getThrowable().map(Throwable::getMessage).orElse(result.getStatus().name()));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                outcomes.put(test.getDisplayName().replace("()", ""), "skipped: " + reason);
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .build(), listener);
        return outcomes;
    }

    /** The tests that did not pass, with their messages. */
    private static Map<String, String> failures(Class<?> fixture) {
        Map<String, String> failed = new LinkedHashMap<>(run(fixture));
        failed.values().removeIf("passed"::equals);
        return failed;
    }

    /** Only {@code test} fails on {@code fixture}, with a message holding every fragment. */
    private static void onlyFails(Class<?> fixture, String test, String... fragments) {
        Map<String, String> failed = failures(fixture);
        assertThat(failed).containsOnlyKeys(test);
        assertThat(failed.get(test)).contains(fragments);
    }

    /** {@code test} fails on {@code fixture} with a message holding every fragment, and so do {@code alsoFailing}. */
    private static void fails(Class<?> fixture, String test, List<String> alsoFailing, String... fragments) {
        Map<String, String> failed = failures(fixture);
        List<String> expected = new ArrayList<>(alsoFailing);
        expected.add(test);
        assertThat(failed).containsOnlyKeys(expected);
        assertThat(failed.get(test)).contains(fragments);
    }

    @Test
    void aSoundSourcePassesEveryStandardTest() {
        Map<String, String> outcomes = run(SeededStandardFixtures.Sound.class);

        assertThat(outcomes).hasSize(9);
        assertThat(outcomes).allSatisfy((test, outcome) -> assertThat(outcome).as(test).isEqualTo("passed"));
    }

    @Test
    void aSecretNotMarkedFailsTheSecretsTest() {
        onlyFails(SeededStandardFixtures.SecretNotMarked.class, "secretPropertiesAreAirbyteSecret",
                "look secret but are not \"airbyte_secret\": true", "[api_key]");
        assertThat(failures(SeededStandardFixtures.SecretNotMarked.class).get("secretPropertiesAreAirbyteSecret"))
                .doesNotContain("token_url").doesNotContain("page_size");
    }

    @Test
    void anInvalidSpecSchemaFailsTheSpecTest() {
        onlyFails(SeededStandardFixtures.SpecSchemaInvalid.class, "specIsAValidDraft07Schema",
                "not a valid draft-07 JSON schema", "/properties/region/minLength: string found, integer expected");
    }

    @Test
    void aCheckThatThrowsFailsTheCheckTest() {
        onlyFails(SeededStandardFixtures.CheckThrows.class, "checkWithAnInvalidConfigFailsWithAConfigError",
                "check with an invalid config threw java.lang.NullPointerException");
    }

    @Test
    void aPrimaryKeyMissingFromTheSchemaFailsTheKeysTest() {
        onlyFails(SeededStandardFixtures.PrimaryKeyNotInSchema.class, "primaryKeysAndCursorFieldsAreInTheirSchemas",
                "items: primary key [item_id]");
    }

    @Test
    void anInvalidStreamSchemaFailsTheDiscoverSchemaTest() {
        // the schema's unknown type rejects every record, so the full read fails as well
        fails(SeededStandardFixtures.StreamSchemaInvalid.class, "discoveredSchemasAreValidDraft07Schemas",
                List.of("fullReadRecordsMatchTheirSchemas"), "not valid draft-07 JSON schemas", "items: [",
                "/properties/name/type");
    }

    @Test
    void aRecordViolatingItsSchemaFailsTheFullReadTest() {
        onlyFails(SeededStandardFixtures.RecordViolatesSchema.class, "fullReadRecordsMatchTheirSchemas",
                "items record {\"id\":\"five\"", "integer");
    }

    @Test
    void aStateBeforeItsRecordsFailsTheStateOrderTest() {
        onlyFails(SeededStandardFixtures.StateBeforeRecords.class, "incrementalStatesFollowTheRecordsTheyCover",
                "events: record {\"id\":1,\"updated_at\":\"2024-01-01T00:00:00Z\"}",
                "came after STATE {\"updated_at\":\"2024-01-02T00:00:00Z\"}");
    }

    @Test
    void aCursorThatIgnoresTheStateFailsTheSecondReadTest() {
        onlyFails(SeededStandardFixtures.CursorIgnoresState.class,
                "aSecondIncrementalReadReturnsNothingOlderThanTheState",
                "events: read from STATE {\"updated_at\":\"2024-01-06T00:00:00Z\"}, it returned 5 of 6 records "
                        + "older than the cursor");
    }

    @Test
    void aResumeThatSkipsAPageFailsTheResumableTest() {
        onlyFails(SeededStandardFixtures.ResumeSkipsAPage.class, "resumableFullRefreshResumesExactlyAfterEachCheckpoint",
                "items, resumed from checkpoint {\"page\":1} after 2 records: expected the 4 records after it but "
                        + "got 2; lost 2");
    }

    @Test
    void aResumeThatRepeatsAPageFailsTheResumableTest() {
        onlyFails(SeededStandardFixtures.ResumeRepeatsAPage.class,
                "resumableFullRefreshResumesExactlyAfterEachCheckpoint",
                "items, resumed from checkpoint {\"page\":1} after 2 records: expected the 4 records after it but "
                        + "got 6; 2 not expected");
    }
}
