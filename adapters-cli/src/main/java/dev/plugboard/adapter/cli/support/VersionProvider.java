package dev.plugboard.adapter.cli.support;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Answers {@code --version} with the version Maven wrote into this jar, and the JVM it runs on. */
public final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "/dev/plugboard/adapter/cli/version.properties";

    @Override
    public String[] getVersion() {
        return new String[]{"plugboard " + version(),
                "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
