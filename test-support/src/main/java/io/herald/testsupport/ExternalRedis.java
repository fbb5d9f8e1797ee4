package io.herald.testsupport;

import java.net.URI;

/** A Redis given by {@code REDIS_URL}: used as it is, never stopped. */
final class ExternalRedis implements TestRedis {

    private final String url;
    private final URI uri;

    ExternalRedis(String url) {
        this.url = url;
        this.uri = URI.create(url);
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String host() {
        return uri.getHost();
    }

    @Override
    public int port() {
        return uri.getPort() < 0 ? 6379 : uri.getPort();
    }

    @Override
    public boolean restartable() {
        return false;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("REDIS_URL points at a Redis this test did not start");
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("REDIS_URL points at a Redis this test did not start");
    }

    @Override
    public String logTail(int lines) {
        return "(external Redis at " + url + ": no log available)";
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
