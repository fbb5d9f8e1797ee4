package io.herald.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/** Redis 7.0 in a Testcontainers container, used only when no redis-server binary exists. */
final class ContainerRedis implements TestRedis {

    private final GenericContainer<?> container;

    private ContainerRedis(GenericContainer<?> container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ContainerRedis startContainer() {
        GenericContainer<?> container = new GenericContainer<>("redis:7.0")
                .withExposedPorts(6379)
                .withCommand("redis-server", "--save", "", "--appendonly", "no");
        container.start();
        return new ContainerRedis(container);
    }

    @Override
    public String url() {
        return "redis://" + host() + ":" + port();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(6379);
    }

    @Override
    public boolean restartable() {
        return false;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("a container restart changes its port; use redis-server");
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("a container restart changes its port; use redis-server");
    }

    @Override
    public String logTail(int lines) {
        String[] all = container.getLogs().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    @Override
    public void close() {
        container.stop();
    }
}
