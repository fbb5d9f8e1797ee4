package io.herald.bench.e2e;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags the bench, the drills and the soak share (a picocli mixin): the repository, and {@code --help}. */
public final class CommonFlags {

    @Option(names = "--root", paramLabel = "DIR", description = "the repository (default: the current directory)")
    Path root = Path.of("");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    /** {@code --root} as an absolute path. */
    public Path root() {
        return root.toAbsolutePath();
    }
}
