package io.herald.eventstore;

import io.lettuce.core.cluster.SlotHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The test-time guard of the Redis Cluster rule "a script's keys share one slot". Off in
 * production; the build turns it on for every test JVM with the system property
 * {@code herald.lua.check-slots=<directory>}, where each checked call leaves a mark
 * ({@code <script>.one-slot} or {@code <script>.cross-slot}) that {@code LuaScriptSlotsTests} reads
 * to see that every script of every module was checked.
 *
 * <p>A call whose keys span slots throws {@link IllegalStateException}, unless its script is named in
 * {@code herald.lua.known-cross-slot} (comma-separated script names: known offenders being redesigned,
 * listed once in the parent {@code pom.xml}); such a call is only marked.
 */
final class SlotCheck {

    private static final Path MARKS = directory(System.getProperty("herald.lua.check-slots"));
    private static final Set<String> KNOWN_CROSS_SLOT = Arrays.stream(
                    System.getProperty("herald.lua.known-cross-slot", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());

    private SlotCheck() {
    }

    /** @throws IllegalStateException when the check is on and {@code keys} span slots of a script not known to */
    static void verify(String script, String[] keys) {
        if (MARKS == null) {
            return;
        }
        Set<Integer> slots = new TreeSet<>();
        for (String key : keys) {
            slots.add(SlotHash.getSlot(key));
        }
        boolean crossSlot = slots.size() > 1;
        mark(script, crossSlot);
        if (crossSlot && !KNOWN_CROSS_SLOT.contains(script)) {
            throw new IllegalStateException("Lua script " + script + " was called with keys in " + slots.size()
                    + " Redis Cluster slots " + slots + ": " + Arrays.toString(keys)
                    + " — give them one hash tag (docs/cluster.md)");
        }
    }

    private static void mark(String script, boolean crossSlot) {
        Path mark = MARKS.resolve(script.replace('/', '_') + (crossSlot ? ".cross-slot" : ".one-slot"));
        if (Files.exists(mark)) {
            return;
        }
        try {
            Files.writeString(mark, script + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + mark, e);
        }
    }

    private static Path directory(String property) {
        if (property == null || property.isBlank() || property.equals("false")) {
            return null;
        }
        try {
            return Files.createDirectories(Path.of(property));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + property, e);
        }
    }
}
