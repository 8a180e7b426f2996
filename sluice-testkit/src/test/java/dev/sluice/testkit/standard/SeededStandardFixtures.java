package dev.sluice.testkit.standard;

import dev.sluice.loader.SourceLocation;
import dev.sluice.source.Config;
import dev.sluice.source.Source;
import dev.sluice.testkit.ConfigBuilder;

/**
 * The standard tests on each seeded source, run by {@link SourceStandardTestsDefectTest} through the JUnit
 * launcher; their names do not end in {@code Test}, so Surefire does not run them on its own.
 */
final class SeededStandardFixtures {

    private SeededStandardFixtures() {
    }

    /** The standard tests on one seeded source, loaded by class name as the CLI loads it. */
    abstract static class On extends SourceStandardTests {
        private final Class<? extends Source> source;

        On(Class<? extends Source> source) {
            this.source = source;
        }

        @Override
        protected SourceLocation source() {
            return SourceLocation.className(source.getName());
        }

        @Override
        protected Config config() {
            return ConfigBuilder.empty().put("api_key", "k-123").build();
        }
    }

    static final class Sound extends On {
        Sound() {
            super(SeededSources.Sound.class);
        }
    }

    static final class SecretNotMarked extends On {
        SecretNotMarked() {
            super(SeededSources.SecretNotMarked.class);
        }
    }

    static final class SpecSchemaInvalid extends On {
        SpecSchemaInvalid() {
            super(SeededSources.SpecSchemaInvalid.class);
        }
    }

    static final class CheckThrows extends On {
        CheckThrows() {
            super(SeededSources.CheckThrows.class);
        }
    }

    static final class PrimaryKeyNotInSchema extends On {
        PrimaryKeyNotInSchema() {
            super(SeededSources.PrimaryKeyNotInSchema.class);
        }
    }

    static final class StreamSchemaInvalid extends On {
        StreamSchemaInvalid() {
            super(SeededSources.StreamSchemaInvalid.class);
        }
    }

    static final class RecordViolatesSchema extends On {
        RecordViolatesSchema() {
            super(SeededSources.RecordViolatesSchema.class);
        }
    }

    static final class StateBeforeRecords extends On {
        StateBeforeRecords() {
            super(SeededSources.StateBeforeRecords.class);
        }
    }

    static final class CursorIgnoresState extends On {
        CursorIgnoresState() {
            super(SeededSources.CursorIgnoresState.class);
        }
    }

    static final class ResumeSkipsAPage extends On {
        ResumeSkipsAPage() {
            super(SeededSources.ResumeSkipsAPage.class);
        }
    }

    static final class ResumeRepeatsAPage extends On {
        ResumeRepeatsAPage() {
            super(SeededSources.ResumeRepeatsAPage.class);
        }
    }
}
