package dev.sluice.cli;

import dev.sluice.launcher.LauncherVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the launcher's version, which is the CLI's (both come out of one build and carry the pom's
 * version).
 */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"sluice " + version()};
    }

    static String version() {
        return LauncherVersion.version();
    }
}
