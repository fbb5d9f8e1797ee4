package io.herald.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No cross-slot Lua call is possible on a Redis Cluster: every script of every module goes through
 * {@code io.herald.eventstore.LuaScript}, which (with the build's {@code herald.lua.check-slots})
 * fails any call whose keys span slots and leaves a mark per script; this test, run after the other
 * modules' tests in {@code ./mvnw verify}, reads the marks and requires one for every script.
 *
 * <p>The known offenders ({@code herald.lua.known-cross-slot} in the parent pom) must still offend:
 * once one is fixed this test says to remove it from the list.
 */
class LuaScriptSlotsTests {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LOADED = Pattern.compile("LuaScript\\.fromClasspath\\(\"([^\"]+\\.lua)\"\\)");
    private static final Pattern RAW_SCRIPTING = Pattern.compile("\\.(eval|evalsha|evalReadOnly|evalshaReadOnly|"
            + "scriptLoad|fcall|multi)\\(");

    @Test
    void everyLuaScriptOfEveryModuleIsLoadedThroughLuaScript() {
        Set<String> loaded = mainJavaSources().flatMap(source -> LOADED.matcher(read(source)).results())
                .map(match -> match.group(1)).collect(Collectors.toCollection(TreeSet::new));

        assertThat(luaScripts()).isNotEmpty().allSatisfy(script -> assertThat(loaded).as(
                "%s must be run through LuaScript.fromClasspath, where its keys' slots are checked", script)
                .contains(script));
    }

    @Test
    void noServiceRunsScriptsOrTransactionsAroundLuaScript() {
        List<String> offenders = mainJavaSources()
                .filter(source -> !source.endsWith(Path.of("io/herald/eventstore/LuaScript.java")))
                .filter(source -> RAW_SCRIPTING.matcher(read(source)).find())
                .map(REPOSITORY::relativize).map(Path::toString).toList();

        assertThat(offenders).as("EVAL/EVALSHA/MULTI outside LuaScript escape the slot check").isEmpty();
    }

    @Test
    void everyScriptWasCalledInTestsWithItsKeysInOneSlotExceptTheKnownOffenders() {
        Set<String> oneSlot = marks(".one-slot");
        Set<String> crossSlot = marks(".cross-slot");
        Set<String> known = Arrays.stream(System.getProperty("herald.lua.known-cross-slot", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(luaScripts()).allSatisfy(script -> assertThat(oneSlot.contains(script) || crossSlot.contains(script))
                .as("%s was never called by a test of its module with herald.lua.check-slots on (run ./mvnw verify "
                        + "of every module; marks are under <module>/target/lua-slot-checks)", script).isTrue());
        assertThat(crossSlot).as("scripts called with keys in several slots; only the known offenders of the "
                + "parent pom's herald.lua.known-cross-slot may be (and a fixed one must leave that list)")
                .isEqualTo(known);
    }

    private static Set<String> luaScripts() {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            return modules.map(module -> module.resolve("src/main/resources")).filter(Files::isDirectory)
                    .flatMap(resources -> walk(resources).filter(p -> p.toString().endsWith(".lua"))
                            .map(p -> resources.relativize(p).toString().replace('\\', '/')))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> mainJavaSources() {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            return modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList().stream()
                    .flatMap(sources -> walk(sources).filter(p -> p.toString().endsWith(".java")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> marks(String suffix) {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            return modules.map(module -> module.resolve("target/lua-slot-checks")).filter(Files::isDirectory).toList()
                    .stream().flatMap(LuaScriptSlotsTests::walk)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .map(p -> read(p).strip())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
