package dev.sluice.launcher;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Sluice version the build wrote into {@code version.properties} (the pom's version). */
public final class LauncherVersion implements IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"sluice " + version()};
    }

    /** The version of Sluice these classes belong to, e.g. {@code 0.1.0}. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = LauncherVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown (no " + RESOURCE + " in the build)";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot read " + RESOURCE + ": " + e, e);
        }
        return properties.getProperty("version", "unknown");
    }
}
