package io.herald.bench.jmh;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * notification-service's rendering of one recipient: placeholders of subject and message, then
 * the per-channel shape (e-mail with its HTML layout, SMS cut to 160 characters, push).
 *
 * <p>The renderer ({@code io.herald.notification.render}) is loaded from notification-service's
 * own jar ({@code BOOT-INF/classes} of {@code notification-service/target/…jar}, found from
 * {@code -Dherald.root} or the working directory): a Spring Boot jar cannot be a Maven
 * dependency, and the bench must measure the code that runs. Calls go through
 * {@link MethodHandle}s, which cost a few nanoseconds against microseconds of rendering.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RenderBenchmark {

    private static final String PACKAGE = "io.herald.notification.render.";

    @Param({"email", "sms", "push"})
    public String channel;

    private Object renderer;
    private Object recipient;
    private MethodHandle texts;
    private MethodHandle on;

    @Setup
    public void loadRenderer() throws Throwable {
        Path root = Path.of(System.getProperty("herald.root", "")).toAbsolutePath();
        Path jar = root.resolve("notification-service/target/notification-service-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build notification-service (bench/jmh.sh does)");
        }
        URL classes = new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/");
        ClassLoader loader = new URLClassLoader(new URL[] {classes}, RenderBenchmark.class.getClassLoader());
        Class<?> rendererType = loader.loadClass(PACKAGE + "MessageRenderer");
        Class<?> recipientType = loader.loadClass(PACKAGE + "Recipient");
        Class<?> textsType = loader.loadClass(PACKAGE + "MessageRenderer$Texts");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        renderer = lookup.findConstructor(rendererType, MethodType.methodType(void.class, String.class, String.class,
                String.class, String.class)).invoke("Your {{campaignName}} update, {{name}}",
                "Dear {{name}}, markets moved today. Here is what it means for your portfolio, {{name}}: "
                        + "read the full note in the app. Reply STOP to end these messages.",
                "7b0c3f7e-4d8a-4e0c-9c55-0b1f3d2a6e11", "Finance");
        recipient = lookup.findConstructor(recipientType, MethodType.methodType(void.class, String.class, String.class,
                String.class, String.class, String.class, List.class)).invoke("u100001", "Jane <Doe> & Sons",
                "jane.doe@example.org", "+441234567890", "tok-1234567890abcdef", List.of("email", "sms", "push"));
        texts = lookup.findVirtual(rendererType, "texts", MethodType.methodType(textsType, recipientType));
        on = lookup.findVirtual(textsType, "on", MethodType.methodType(loader.loadClass(PACKAGE + "RenderedMessage"),
                String.class));
    }

    /** Render one recipient's texts and shape them for the channel. */
    @Benchmark
    public Object render() throws Throwable {
        return on.invoke(texts.invoke(renderer, recipient), channel);
    }
}
