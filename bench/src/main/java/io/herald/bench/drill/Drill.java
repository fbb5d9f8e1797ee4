package io.herald.bench.drill;

import java.nio.file.Path;

/** One fault drill: sets up its own world under {@code directory}, breaks something, checks the books. */
interface Drill {

    String name();

    DrillResult run(DrillOptions options, Path directory);
}
