package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.herald.testsupport.RealRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The example worker in {@code examples/queue-worker.py} drains a queue with plain HTTP. */
@RealRedis
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "herald.api-key=test-key")
@AutoConfigureWebTestClient
@DirtiesContext
class QueueWorkerExampleIntegrationTests {

    private static final Path WORKER = Path.of("..", "examples", "queue-worker.py");

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void pythonWorkerPrintsAndAcknowledgesEveryMessage() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(WORKER), "run from the channel-workers module");
        Assumptions.assumeTrue(python() != null, "python3 is not installed");
        QueueClient queues = new QueueClient(web);
        List<String> ids = List.of(queues.publish("py", "{\"to\":\"+15550100\",\"text\":\"hello\"}"),
                queues.publish("py", "{\"to\":\"+15550101\",\"text\":\"caf\u00e9\"}"),
                queues.publish("py", "{\"to\":\"+15550102\",\"text\":\"bye\"}"));

        Process worker = new ProcessBuilder(python(), WORKER.toString(), "--url", "http://localhost:" + port,
                "--key", QueueClient.API_KEY, "--queue", "py", "--wait", "PT1S", "--exit-when-empty")
                .redirectErrorStream(true).start();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("worker finished").isTrue();
        String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("examples/queue-worker.py output:\n" + output);

        assertThat(worker.exitValue()).as(output).isZero();
        assertThat(output).contains(
                "message " + ids.get(0) + " (delivery 1): {\"text\": \"hello\", \"to\": \"+15550100\"}",
                "message " + ids.get(1) + " (delivery 1): {\"text\": \"caf\\u00e9\", \"to\": \"+15550101\"}",
                "message " + ids.get(2) + " (delivery 1): {\"text\": \"bye\", \"to\": \"+15550102\"}",
                "queue py is empty; handled 3 message(s)");
        assertThat(queues.fetch("py", "max=10&visibilityTimeout=PT1S")).isEmpty();
    }

    private static String python() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process probe = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not on the PATH: try the next name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
