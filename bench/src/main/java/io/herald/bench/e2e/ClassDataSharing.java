package io.herald.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Class data sharing for the bench's services, as start.sh does it: each module runs from its jar
 * extracted under {@code bench/results/cds/<module>/} (CDS needs the classes on the JVM's own class
 * path, not in the fat jar's nested jars) with the archive of the classes it loaded the last time.
 * Without a valid archive the service records one as it exits ({@code -XX:ArchiveClassesAtExit}),
 * so a run after a rebuild measures start-up without one and every later run with it. A rebuilt
 * jar is extracted anew and records a new archive.
 */
final class ClassDataSharing {

    /** How a module is launched: the jar to run, the flags it adds, and whether it has an archive. */
    record Launch(Path jar, List<String> javaOptions, boolean archived) {
    }

    private final Path directory;

    /** @param directory where the extracted jars and archives are kept between runs */
    ClassDataSharing(Path directory) {
        this.directory = directory;
    }

    /**
     * The launch of {@code jar} with the JVM flags {@code javaOptions}; the plain jar when it cannot be
     * extracted. Without a valid archive it records one, unless {@code mayRecord} is false (a flight
     * recording: the JVM turns JFR off while it dumps an archive), then it runs the extracted jar as is.
     */
    Launch prepare(String module, Path jar, List<String> javaOptions, boolean mayRecord) {
        Path dir = directory.resolve(module);
        Path app = dir.resolve(jar.getFileName());
        Path extracted = dir.resolve(".extracted");
        Path archive = dir.resolve(module + ".jsa");
        try {
            if (!Files.exists(extracted) || modifiedAfter(jar, extracted)) {
                Processes.deleteTree(dir);
                Files.createDirectories(dir);
                Processes.run(Duration.ofMinutes(2), java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                        "--destination", dir.toString());
                if (Files.isRegularFile(app)) {
                    Files.writeString(extracted, "");
                }
            }
            if (Files.isRegularFile(app) && Files.size(archive) > 0 && !modifiedAfter(extracted, archive)
                    && opens(archive, app, javaOptions)) {
                return new Launch(app, quiet("-XX:SharedArchiveFile=" + archive), true);
            }
        } catch (IOException noArchiveYet) {
            // no archive (or no extraction) yet: record one below
        }
        if (!Files.isRegularFile(app)) {
            return new Launch(jar, List.of(), false);
        }
        if (!mayRecord) {
            return new Launch(app, List.of(), false);
        }
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + archive, e);
        }
        return new Launch(app, quiet("-XX:ArchiveClassesAtExit=" + archive), false);
    }

    /** {@code flag} with the JVM's CDS messages turned off, as start.sh runs it. */
    private static List<String> quiet(String flag) {
        return List.of(flag, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static boolean modifiedAfter(Path file, Path than) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
    }

    /** Whether the JVM maps the archive with these flags and class path (else it was made for other ones). */
    private static boolean opens(Path archive, Path app, List<String> javaOptions) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOptions);
        command.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", app.toString(), "-version"));
        return Processes.succeeds(command.toArray(String[]::new));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
