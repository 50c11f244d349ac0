package dev.plugboard.bootstrap.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server of the machine's own installation ({@code /usr/lib/postgresql/<N>/bin}),
 * started by a test as an "external" database with a password, on 127.0.0.1 only. As root it runs
 * under {@code unshare -U}, since initdb refuses root.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "plugboard";
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final Path bin;
    private final Path data;
    private final int port;
    private final String password;

    private LocalPostgres(Path bin, Path data, int port, String password) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.password = password;
    }

    /** The newest installation with server and client tools, if the machine has one. */
    static Optional<Path> installation() {
        List<Path> found = new ArrayList<>();
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
                for (Path version : versions) {
                    Path bin = version.resolve("bin");
                    if (List.of("initdb", "pg_ctl", "pg_dump", "pg_restore").stream().allMatch(t -> Files.isExecutable(bin.resolve(t)))) {
                        found.add(bin);
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return found.stream().max(Comparator.comparingInt(LocalPostgres::major));
    }

    /** The major version a {@code pg_dump} (or any tool) reports, -1 when unknown. */
    static int major(Path binOrTool) {
        Path tool = Files.isDirectory(binOrTool) ? binOrTool.resolve("pg_dump") : binOrTool;
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static LocalPostgres start(Path bin, Path folder, String password) throws IOException, InterruptedException {
        Path home = Files.createDirectories(folder.resolve("pg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path passwordFile = home.resolve("pw");
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        Path data = home.resolve("data");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C"));
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", home.resolve("log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off", "start"));
        LocalPostgres server = new LocalPostgres(bin, data, port, password);
        exec(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, "plugboard"),
                password);
        return server;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/plugboard";
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop"));
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        exec(command, null);
    }

    private static void exec(List<String> command, String password) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }
}
