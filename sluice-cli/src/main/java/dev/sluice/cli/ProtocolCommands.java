package dev.sluice.cli;

import dev.sluice.launcher.ConnectorChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The four Airbyte protocol commands of the launcher, with the connector chosen by {@code ./sluice}'s options
 * ({@code --source}, {@code --manifest}, {@code --classpath}, or the config's injected manifest).
 */
final class ProtocolCommands {

    private ProtocolCommands() {
    }

    @Command(name = "spec", versionProvider = BuildVersion.class)
    static final class Spec extends dev.sluice.launcher.ProtocolCommands.Spec {
        @Mixin
        ConnectorOptions connector = new ConnectorOptions();

        @Override
        protected ConnectorChoice connector() {
            return connector.choice();
        }
    }

    @Command(name = "check", versionProvider = BuildVersion.class)
    static final class Check extends dev.sluice.launcher.ProtocolCommands.Check {
        @Mixin
        ConnectorOptions connector = new ConnectorOptions();

        @Override
        protected ConnectorChoice connector() {
            return connector.choice();
        }
    }

    @Command(name = "discover", versionProvider = BuildVersion.class)
    static final class Discover extends dev.sluice.launcher.ProtocolCommands.Discover {
        @Mixin
        ConnectorOptions connector = new ConnectorOptions();

        @Override
        protected ConnectorChoice connector() {
            return connector.choice();
        }
    }

    @Command(name = "read", versionProvider = BuildVersion.class)
    static final class Read extends dev.sluice.launcher.ProtocolCommands.Read {
        @Mixin
        ConnectorOptions connector = new ConnectorOptions();

        @Override
        protected ConnectorChoice connector() {
            return connector.choice();
        }
    }
}
