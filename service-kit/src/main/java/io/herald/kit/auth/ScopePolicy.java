package io.herald.kit.auth;

import org.springframework.http.HttpMethod;

/**
 * Which scope each endpoint family of the four services needs — one table for all of them, so
 * that every service answers the same key the same way. Anything not named here needs
 * {@link Scope#ADMIN}: a new endpoint is closed until it is given a scope.
 *
 * <table>
 * <tr><th>endpoints</th><th>scope</th></tr>
 * <tr><td>{@code /api/v1/keys/**} (any method)</td><td>admin</td></tr>
 * <tr><td>{@code POST /api/v1/channels/{channel}/dead-letters/replay}</td><td>admin</td></tr>
 * <tr><td>{@code /api/v1/queues/**}</td><td>queue</td></tr>
 * <tr><td>{@code GET /api/v1/campaign/create} (creates a campaign)</td><td>campaigns:write</td></tr>
 * <tr><td>any other GET or HEAD</td><td>read</td></tr>
 * <tr><td>{@code POST/DELETE /api/v1/campaigns/**}, {@code POST /api/v1/notifications}</td><td>campaigns:write</td></tr>
 * <tr><td>{@code POST/PUT/DELETE /api/v1/users/**}, {@code POST /api/v1/categories}</td><td>users:write</td></tr>
 * <tr><td>anything else</td><td>admin</td></tr>
 * </table>
 */
final class ScopePolicy {

    private ScopePolicy() {
    }

    /** The scope a request with this method and path (within the application) needs. */
    static Scope required(HttpMethod method, String path) {
        if (under(path, "/api/v1/keys")) {
            return Scope.ADMIN;
        }
        if (under(path, "/api/v1/queues")) {
            return Scope.QUEUE;
        }
        if (path.startsWith("/api/v1/channels/") && path.endsWith("/dead-letters/replay")) {
            return Scope.ADMIN;
        }
        if (under(path, "/api/v1/campaign/create")) {
            return Scope.CAMPAIGNS_WRITE;
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return Scope.READ;
        }
        if (under(path, "/api/v1/campaigns") || under(path, "/api/v1/notifications")) {
            return Scope.CAMPAIGNS_WRITE;
        }
        if (under(path, "/api/v1/users") || under(path, "/api/v1/categories")) {
            return Scope.USERS_WRITE;
        }
        return Scope.ADMIN;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
