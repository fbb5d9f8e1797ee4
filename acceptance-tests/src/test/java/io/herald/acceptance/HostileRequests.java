package io.herald.acceptance;

import static io.herald.acceptance.HeraldStack.Service.CAMPAIGN;
import static io.herald.acceptance.HeraldStack.Service.NOTIFICATION;
import static io.herald.acceptance.HeraldStack.Service.USER;
import static io.herald.acceptance.HeraldStack.Service.WORKERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The malformed and hostile requests of the bad-input sweep (issue 10), every one a 4xx. */
final class HostileRequests {

    record Probe(HeraldStack.Service service, String method, String path, String body, Map<String, String> headers,
                 String why) {

        @Override
        public String toString() {
            return service.module + " " + method + " " + (path.length() > 80 ? path.substring(0, 80) + "…" : path)
                    + " — " + why;
        }
    }

    private static final Map<String, String> KEY = Map.of("X-API-Key", HeraldStack.API_KEY);
    private static final String HUGE = "x".repeat(300 * 1024);
    private static final String CONTROL = "Fin\\u0000an\\u0007ce\\u001b[31m";
    private static final String REDIS_INJECTION = "Finance\\r\\nFLUSHALL\\r\\n";
    private static final String SQL_INJECTION = "Finance' OR '1'='1'; DROP TABLE users; --";

    private final List<Probe> probes = new ArrayList<>();

    /**
     * @param readOnlyKey a stored key with only the {@code read} scope
     * @param revokedKey a stored key that was revoked
     */
    static List<Probe> all(String readOnlyKey, String revokedKey) {
        HostileRequests r = new HostileRequests();
        r.withoutOrWithWrongKey();
        r.scopedKeys(readOnlyKey, revokedKey);
        r.strictInput();
        r.campaigns();
        r.users();
        r.notifications();
        r.channels();
        r.queues();
        r.unsubscribe();
        r.traceability();
        r.console();
        return r.probes;
    }

    private void add(HeraldStack.Service service, String method, String path, String body, String why) {
        probes.add(new Probe(service, method, path, body, KEY, why));
    }

    private void withoutOrWithWrongKey() {
        List<Object[]> endpoints = List.of(
                new Object[] {CAMPAIGN, "POST", "/api/v1/campaigns", "{}"},
                new Object[] {CAMPAIGN, "GET", "/api/v1/campaign/create?category=Finance&subject=s&message=m&name=n", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/campaigns", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/campaigns/x", null},
                new Object[] {CAMPAIGN, "DELETE", "/api/v1/campaigns/x", null},
                new Object[] {USER, "POST", "/api/v1/users", "{}"},
                new Object[] {USER, "GET", "/api/v1/users/1", null},
                new Object[] {USER, "DELETE", "/api/v1/users/1", null},
                new Object[] {USER, "GET", "/api/v1/categories", null},
                new Object[] {USER, "POST", "/api/v1/categories", "{\"name\":\"Travel\"}"},
                new Object[] {NOTIFICATION, "POST", "/api/v1/notifications", "{}"},
                new Object[] {WORKERS, "GET", "/api/v1/channels", null},
                new Object[] {WORKERS, "POST", "/api/v1/channels/email/dead-letters/replay", null},
                new Object[] {WORKERS, "POST", "/api/v1/queues/jobs/messages", "{\"a\":1}"},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/config", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/live", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/streams", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/streams/notify:email", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/categories", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/users/1", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/users?email=a@example.com", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/console/channels", null},
                new Object[] {CAMPAIGN, "POST", "/api/v1/console/channels/email/dead-letters/replay", null},
                new Object[] {USER, "GET", "/api/v1/users/lookup?email=a@example.com", null},
                new Object[] {WORKERS, "POST", "/api/v1/channels/email/dead-letters/1-1/replay", null});
        for (Object[] e : endpoints) {
            HeraldStack.Service service = (HeraldStack.Service) e[0];
            probes.add(new Probe(service, (String) e[1], (String) e[2], (String) e[3], Map.of(), "no API key"));
            probes.add(new Probe(service, (String) e[1], (String) e[2], (String) e[3],
                    Map.of("X-API-Key", "wrong-" + HeraldStack.API_KEY), "wrong API key"));
        }
        probes.add(new Probe(CAMPAIGN, "GET", "/api/v1/campaigns", null, Map.of("X-API-Key", ""), "empty API key"));
        probes.add(new Probe(USER, "GET", "/api/v1/categories", null,
                Map.of("X-API-Key", "k".repeat(16 * 1024)), "16 KiB API key"));
    }

    /** Issue 20: revoked keys, keys without the scope, keys in the URL, overlong keys. */
    private void scopedKeys(String readOnly, String revoked) {
        String campaign = "{\"name\":\"n\",\"category\":\"Finance\",\"subject\":\"s\",\"message\":\"m\"}";
        List<Object[]> writes = List.of(
                new Object[] {CAMPAIGN, "POST", "/api/v1/campaigns", campaign},
                new Object[] {CAMPAIGN, "GET", "/api/v1/campaign/create?category=Finance&subject=s&message=m&name=n", null},
                new Object[] {CAMPAIGN, "DELETE", "/api/v1/campaigns/x", null},
                new Object[] {CAMPAIGN, "GET", "/api/v1/keys", null},
                new Object[] {CAMPAIGN, "POST", "/api/v1/keys", "{\"name\":\"mine\",\"scopes\":[\"admin\"]}"},
                new Object[] {CAMPAIGN, "DELETE", "/api/v1/keys/0123456789abcdef", null},
                new Object[] {USER, "POST", "/api/v1/users", "{\"name\":\"Eve\",\"email\":\"eve@example.com\",\"categories\":[\"Finance\"],\"channels\":[\"email\"]}"},
                new Object[] {USER, "DELETE", "/api/v1/users/1", null},
                new Object[] {USER, "PUT", "/api/v1/users/1/preferences", "{\"categories\":[\"Movies\"],\"channels\":[\"email\"]}"},
                new Object[] {USER, "POST", "/api/v1/categories", "{\"name\":\"Travel\"}"},
                new Object[] {NOTIFICATION, "POST", "/api/v1/notifications", "{\"userId\":\"1\",\"subject\":\"s\",\"message\":\"m\"}"},
                new Object[] {WORKERS, "POST", "/api/v1/channels/email/dead-letters/replay", null},
                new Object[] {WORKERS, "POST", "/api/v1/queues/jobs/messages", "{\"a\":1}"},
                new Object[] {WORKERS, "POST", "/api/v1/queues/jobs/fetch", null});
        for (Object[] e : writes) {
            HeraldStack.Service service = (HeraldStack.Service) e[0];
            probes.add(new Probe(service, (String) e[1], (String) e[2], (String) e[3],
                    Map.of("X-API-Key", readOnly), "read-only key, wrong scope"));
            probes.add(new Probe(service, (String) e[1], (String) e[2], (String) e[3],
                    Map.of("X-API-Key", revoked), "revoked key"));
        }
        for (HeraldStack.Service service : HeraldStack.Service.values()) {
            String path = service == USER ? "/api/v1/categories" : service == CAMPAIGN ? "/api/v1/campaigns"
                    : service == NOTIFICATION ? "/api/v1/notifications/x:1:email" : "/api/v1/channels";
            probes.add(new Probe(service, "GET", path, null, Map.of("X-API-Key", revoked), "revoked key, GET"));
            probes.add(new Probe(service, "GET", path + "?api_key=" + HeraldStack.API_KEY, null, Map.of(),
                    "key in the query string"));
            probes.add(new Probe(service, "GET", path + "?X-API-Key=" + HeraldStack.API_KEY, null, KEY,
                    "key in the query string and the header"));
            probes.add(new Probe(service, "GET", path, null, Map.of("X-API-Key", "hrld_" + "a".repeat(400)),
                    "overlong key"));
        }
    }

    /** Issue 20: matrix parameters, encoded slashes, dot segments, control characters in names. */
    private void strictInput() {
        add(USER, "GET", "/api/v1/users/1;DEL%20x", null, "matrix parameter in a user id");
        add(USER, "PUT", "/api/v1/users/1;x/preferences", "{\"categories\":[\"Movies\"],\"channels\":[\"email\"]}",
                "matrix parameter before preferences");
        add(USER, "DELETE", "/api/v1/users/1;x", null, "matrix parameter on delete");
        add(CAMPAIGN, "DELETE", "/api/v1/campaigns/x%2F..%2Fy", null, "encoded slash in a campaign id");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/%2e%2e/x", null, "encoded dot segment");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/a%5Cb", null, "encoded backslash");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/a%250a", null, "double-encoded line feed");
        add(WORKERS, "POST", "/api/v1/queues/jobs;x/messages", "{\"a\":1}", "matrix parameter in a queue name");
        add(WORKERS, "GET", "/api/v1//channels", null, "empty path segment");
        add(CAMPAIGN, "POST", "/api/v1/campaigns",
                "{\"name\":\"\\u0000\\u0007\",\"category\":\"Finance\",\"subject\":\"s\",\"message\":\"m\"}",
                "control characters in a campaign name");
        add(CAMPAIGN, "POST", "/api/v1/campaigns",
                "{\"name\":\"n\",\"category\":\"Finance\",\"subject\":\"Hi\\r\\nBcc: all@example.com\",\"message\":\"m\"}",
                "line break in a campaign subject");
        add(CAMPAIGN, "POST", "/api/v1/campaigns",
                "{\"name\":\"n\\u202egnp.exe\",\"category\":\"Finance\",\"subject\":\"s\",\"message\":\"m\"}",
                "bidirectional override in a campaign name");
        add(USER, "POST", "/api/v1/users",
                "{\"name\":\"Eve\\u0000\",\"email\":\"eve@example.com\",\"categories\":[\"Finance\"],\"channels\":[\"email\"]}",
                "control character in a user name");
        add(NOTIFICATION, "POST", "/api/v1/notifications",
                "{\"userId\":\"1\",\"subject\":\"a\\r\\nb\",\"message\":\"m\"}", "line break in a notification subject");
    }

    private void campaigns() {
        String ok = "\"name\":\"n\",\"category\":\"Finance\",\"subject\":\"s\",\"message\":\"m\"";
        String path = "/api/v1/campaigns";
        add(CAMPAIGN, "POST", path, "{\"name\":\"n\",", "truncated JSON");
        add(CAMPAIGN, "POST", path, "not json at all", "not JSON");
        add(CAMPAIGN, "POST", path, "[]", "array instead of object");
        add(CAMPAIGN, "POST", path, "\"Finance\"", "string instead of object");
        add(CAMPAIGN, "POST", path, "null", "null body");
        add(CAMPAIGN, "POST", path, "{}", "empty object");
        add(CAMPAIGN, "POST", path, "", "empty body");
        add(CAMPAIGN, "POST", path, "{\"category\":\"Finance\",\"subject\":\"s\"}", "message missing");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("\"Finance\"", "5") + "}", "category is a number");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("\"Finance\"", "\"Astrology\"") + "}", "unknown category");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("Finance", SQL_INJECTION) + "}", "SQL-looking category");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("Finance", REDIS_INJECTION) + "}", "Redis command in category");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("Finance", CONTROL) + "}", "control characters in category");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("\"Finance\"", "\"../../etc/passwd\"") + "}", "path traversal category");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("\"s\"", "\"\"") + "}", "empty subject");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("\"m\"", "\"" + "m".repeat(10_001) + "\"") + "}", "message over 10,000 chars");
        add(CAMPAIGN, "POST", path, "{" + ok + ",\"channels\":[\"pigeon\"]}", "unknown channel");
        add(CAMPAIGN, "POST", path, "{" + ok + ",\"channels\":\"email\"}", "channels not a list");
        add(CAMPAIGN, "POST", path, "{" + ok + ",\"channels\":[42]}", "channel is a number");
        add(CAMPAIGN, "POST", path, "{" + ok + ",\"scheduledAt\":\"2001-01-01T00:00:00Z\"}", "scheduledAt in the past");
        add(CAMPAIGN, "POST", path, "{" + ok + ",\"scheduledAt\":\"tomorrow\"}", "scheduledAt unparsable");
        add(CAMPAIGN, "POST", path, "{" + ok + ",\"scheduledAt\":-1}", "scheduledAt negative number");
        add(CAMPAIGN, "POST", path, "{" + ok + ",\"scheduledAt\":\"+999999999-12-31T23:59:59Z\"}", "scheduledAt far beyond");
        add(CAMPAIGN, "POST", path, "{\"name\":\"" + HUGE + "\"}", "300 KiB body");
        add(CAMPAIGN, "POST", path, "{" + ok.replace("\"s\"", "{\"$gt\":\"\"}") + "}", "subject is an object");
        probes.add(new Probe(CAMPAIGN, "POST", path, "{" + ok + ",\"category\":\"Astrology\"}",
                Map.of("X-API-Key", HeraldStack.API_KEY, "Idempotency-Key", "k".repeat(4096)), "4 KiB Idempotency-Key"));
        probes.add(new Probe(CAMPAIGN, "POST", path, "{" + ok.replace("Finance", "Nope") + "}",
                Map.of("X-API-Key", HeraldStack.API_KEY, "Idempotency-Key", "\u00e9\u00e8 key"), "non-ASCII Idempotency-Key"));
        add(CAMPAIGN, "GET", "/api/v1/campaign/create", null, "create form without parameters");
        add(CAMPAIGN, "GET", "/api/v1/campaign/create?category=Astrology&subject=s&message=m&name=n", null, "create form, unknown category");
        add(CAMPAIGN, "GET", "/api/v1/campaign/create?category=Finance&subject=&message=m&name=n", null, "create form, empty subject");
        add(CAMPAIGN, "GET", "/api/v1/campaign/create?category=Finance%0d%0aFLUSHALL&subject=s&message=m&name=n", null, "create form, CRLF in category");
        add(CAMPAIGN, "GET", "/api/v1/campaigns?limit=-1", null, "negative limit");
        add(CAMPAIGN, "GET", "/api/v1/campaigns?limit=abc", null, "limit not a number");
        add(CAMPAIGN, "GET", "/api/v1/campaigns?limit=99999999999999999999", null, "enormous limit");
        add(CAMPAIGN, "GET", "/api/v1/campaigns?status=BOGUS", null, "unknown status");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/does-not-exist", null, "unknown campaign");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/..%2F..%2Fetc%2Fpasswd", null, "path traversal id");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/" + "a".repeat(2000), null, "2,000-char id");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/%27%20OR%201%3D1/events", null, "SQL-looking id, events");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/*/events", null, "glob id, events");
        add(CAMPAIGN, "DELETE", "/api/v1/campaigns/does-not-exist", null, "cancel unknown campaign");
        add(CAMPAIGN, "DELETE", "/api/v1/campaigns/*", null, "cancel glob id");
        add(CAMPAIGN, "PATCH", path, "{}", "method not allowed");
        add(CAMPAIGN, "GET", "/api/v1/campaigns/does-not-exist/progress", null, "progress of unknown campaign");
    }

    private void users() {
        String path = "/api/v1/users";
        String ok = "\"name\":\"Eve\",\"email\":\"eve@example.com\",\"categories\":[\"Finance\"],\"channels\":[\"email\"]";
        add(USER, "POST", path, "{\"name\":", "truncated JSON");
        add(USER, "POST", path, "[1,2,3]", "array instead of object");
        add(USER, "POST", path, "{}", "empty object");
        add(USER, "POST", path, "{" + ok.replace("eve@example.com", "not-an-email") + "}", "bad e-mail");
        add(USER, "POST", path, "{" + ok.replace("\"email\"]", "\"sms\"]") + "}", "sms chosen without phone");
        add(USER, "POST", path, "{" + ok + ",\"phone\":\"12345\"}", "phone not E.164");
        add(USER, "POST", path, "{" + ok.replace("[\"Finance\"]", "[\"Astrology\"]") + "}", "unknown category");
        add(USER, "POST", path, "{" + ok.replace("[\"email\"]", "[\"pigeon\"]") + "}", "unknown channel");
        add(USER, "POST", path, "{" + ok.replace("[\"Finance\"]", "\"Finance\"") + "}", "categories not a list");
        add(USER, "POST", path, "{" + ok.replace("\"Eve\"", "12") + "}", "name is a number");
        add(USER, "POST", path, "{" + ok.replace("\"Eve\"", "\"\"") + "}", "empty name");
        add(USER, "POST", path, "{" + ok.replace("\"Eve\"", "\"" + "e".repeat(100_000) + "\"") + "}", "100,000-char name");
        add(USER, "POST", path, "{" + ok.replace("Finance", REDIS_INJECTION) + "}", "Redis command in category");
        add(USER, "POST", path, "{" + ok.replace("eve@example.com", "eve@example.com\\r\\nBcc: all@example.com") + "}", "header injection in e-mail");
        add(USER, "POST", path, "{\"name\":\"" + HUGE + "\"}", "300 KiB body");
        add(USER, "GET", path + "/does-not-exist", null, "unknown user");
        add(USER, "GET", path + "/..%2F..%2Fetc%2Fpasswd", null, "path traversal id");
        add(USER, "GET", path + "/-1", null, "negative id");
        add(USER, "GET", path + "/99999999999999999999999", null, "enormous id");
        add(USER, "PUT", path + "/does-not-exist/preferences", "{\"categories\":[\"Finance\"],\"channels\":[\"email\"]}", "preferences of unknown user");
        add(USER, "PUT", path + "/1/preferences", "{\"categories\":", "preferences truncated JSON");
        add(USER, "PUT", path + "/1/preferences", "{\"categories\":[\"Astrology\"],\"channels\":[\"email\"]}", "preferences unknown category");
        add(USER, "DELETE", path + "/does-not-exist", null, "delete unknown user");
        add(USER, "GET", path + "?category=Finance&limit=-5", null, "negative limit");
        add(USER, "GET", path + "?category=Finance&limit=abc", null, "limit not a number");
        add(USER, "GET", path + "?category=Finance&limit=100000000000", null, "enormous limit");
        add(USER, "GET", path + "?category=Finance&cursor=%00%01garbage", null, "garbage cursor");
        add(USER, "GET", path + "?category=Astrology", null, "list unknown category");
        add(USER, "POST", "/api/v1/categories", "{\"name\":\"\"}", "empty category name");
        add(USER, "POST", "/api/v1/categories", "{\"name\":123}", "category name a number");
        add(USER, "POST", "/api/v1/categories", "{\"name\":\"" + REDIS_INJECTION + "\"}", "Redis command as category name");
        add(USER, "POST", "/api/v1/categories", "{\"name\":\"" + CONTROL + "\"}", "control characters in category name");
        add(USER, "POST", "/api/v1/categories", "{\"name\":\"" + "c".repeat(10_000) + "\"}", "10,000-char category name");
        add(USER, "POST", "/api/v1/categories", "{\"nom\":\"Travel\"}", "misnamed field");
    }

    private void notifications() {
        String path = "/api/v1/notifications";
        add(NOTIFICATION, "POST", path, "{\"userId\":", "truncated JSON");
        add(NOTIFICATION, "POST", path, "{}", "empty object");
        add(NOTIFICATION, "POST", path, "{\"userId\":\"does-not-exist\",\"subject\":\"s\",\"message\":\"m\"}", "unknown user");
        add(NOTIFICATION, "POST", path, "{\"userId\":[1],\"subject\":\"s\",\"message\":\"m\"}", "userId is a list");
        add(NOTIFICATION, "POST", path, "{\"userId\":\"1\",\"subject\":\"\",\"message\":\"m\"}", "empty subject");
        add(NOTIFICATION, "POST", path, "{\"userId\":\"1\",\"subject\":\"s\",\"message\":\"m\",\"channels\":[\"pigeon\"]}", "unknown channel");
        add(NOTIFICATION, "POST", path, "{\"userId\":\"../../etc/passwd\",\"subject\":\"s\",\"message\":\"m\"}", "path traversal user id");
        add(NOTIFICATION, "POST", path, "{\"userId\":\"" + HUGE + "\"}", "300 KiB body");
        add(NOTIFICATION, "GET", path + "/garbage", null, "malformed notification id");
        add(NOTIFICATION, "GET", path + "/tx-00000000-0000-0000-0000-000000000000:1:email", null, "unknown notification id");
        add(NOTIFICATION, "GET", path + "/%00%00", null, "NUL notification id");
    }

    private void channels() {
        add(WORKERS, "GET", "/api/v1/channels/pigeon/dead-letters", null, "dead letters of unknown channel");
        add(WORKERS, "GET", "/api/v1/channels/email/dead-letters?limit=-1", null, "negative limit");
        add(WORKERS, "GET", "/api/v1/channels/email/dead-letters?limit=abc", null, "limit not a number");
        add(WORKERS, "GET", "/api/v1/channels/email/dead-letters?limit=99999999999", null, "enormous limit");
        add(WORKERS, "POST", "/api/v1/channels/pigeon/dead-letters/replay", null, "replay unknown channel");
        add(WORKERS, "GET", "/api/v1/channels/..%2F..%2Fetc/dead-letters", null, "path traversal channel");
    }

    private void unsubscribe() {
        // "1:5:Finance" with a MAC made up: the shape of a real token, not signed by the stack's secret
        String forged = "MTo1OkZpbmFuY2U.AAAAAAAAAAAAAAAAAAAAAA";
        add(USER, "POST", "/unsubscribe/" + forged, null, "forged unsubscribe token");
        add(USER, "GET", "/unsubscribe/" + forged, null, "confirmation page of a forged token");
        add(USER, "POST", "/unsubscribe/" + forged.substring(0, forged.length() - 3), null, "truncated token");
        add(USER, "POST", "/unsubscribe/MTo2OkZpbmFuY2U" + forged.substring(forged.indexOf('.')), null, "payload swapped");
        add(USER, "POST", "/unsubscribe/" + "t".repeat(3000), null, "3,000-char token");
        add(USER, "POST", "/unsubscribe/" + "A".repeat(2500) + ".AAAAAAAAAAAAAAAAAAAAAA", null, "huge token of the right shape");
        add(USER, "POST", "/unsubscribe/%00%0d%0aFLUSHALL", null, "NUL and CRLF token");
        add(USER, "POST", "/unsubscribe/..%2F..%2Fapi%2Fv1%2Fusers%2F1", null, "path traversal token");
        add(USER, "POST", "/unsubscribe/a.b.c", null, "three-part token");
        add(USER, "PUT", "/unsubscribe/" + forged, null, "unsubscribe with PUT");
        add(USER, "DELETE", "/unsubscribe/" + forged, null, "unsubscribe with DELETE");
        add(USER, "PATCH", "/unsubscribe/" + forged, "{}", "unsubscribe with PATCH");
        add(USER, "POST", "/unsubscribe/" + forged, "List-Unsubscribe=One-Click&" + "x".repeat(300 * 1024), "300 KiB one-click body");
    }

    private void traceability() {
        String campaign = "/api/v1/campaigns/00000000-0000-0000-0000-000000000000/notifications";
        add(CAMPAIGN, "GET", campaign, null, "notifications of an unknown campaign");
        add(CAMPAIGN, "GET", campaign + "?limit=0", null, "notifications limit 0");
        add(CAMPAIGN, "GET", campaign + "?limit=1001", null, "notifications limit 1001");
        add(CAMPAIGN, "GET", campaign + "?limit=-1", null, "notifications negative limit");
        add(CAMPAIGN, "GET", campaign + "?limit=abc", null, "notifications limit not a number");
        add(CAMPAIGN, "GET", campaign + "?channel=pigeon", null, "notifications of an unknown channel");
        add(CAMPAIGN, "GET", campaign + "?status=LOST", null, "notifications with an unknown status");
        add(CAMPAIGN, "GET", campaign + "?cursor=%00garbage", null, "notifications garbage cursor");
        add(CAMPAIGN, "GET", campaign + "?cursor=0-99999999999999999999999", null, "notifications cursor beyond 64 bits");
        add(CAMPAIGN, "DELETE", campaign, null, "delete notifications");
        add(USER, "GET", "/api/v1/users/does-not-exist/notifications", null, "history of an unknown user");
        add(USER, "GET", "/api/v1/users/999999999/notifications", null, "history of a missing user id");
        add(USER, "GET", "/api/v1/users/1/notifications?limit=0", null, "history limit 0");
        add(USER, "GET", "/api/v1/users/1/notifications?limit=100000", null, "history enormous limit");
        add(USER, "GET", "/api/v1/users/1/notifications?cursor=yesterday", null, "history garbage cursor");
        add(USER, "GET", "/api/v1/users/1/notifications?cursor=2026-13-45~0000000000000:x", null, "history cursor with an impossible date");
        add(USER, "POST", "/api/v1/users/1/notifications", "{}", "history with POST");
        probes.add(new Probe(USER, "GET", "/api/v1/users/1/notifications", null, Map.of(), "history without API key"));
        probes.add(new Probe(CAMPAIGN, "GET", campaign, null, Map.of(), "campaign notifications without API key"));
    }

    /** The console's endpoints on campaign-service, and what it added to user-service and channel-workers. */
    private void console() {
        String streams = "/api/v1/console/streams";
        add(CAMPAIGN, "GET", streams + "/notify:pigeon", null, "console: unknown stream");
        add(CAMPAIGN, "GET", streams + "/users:next-id", null, "console: a key that is no Herald stream");
        add(CAMPAIGN, "GET", streams + "/..%2F..%2Fetc%2Fpasswd", null, "console: path traversal stream");
        add(CAMPAIGN, "GET", streams + "/*", null, "console: glob stream");
        add(CAMPAIGN, "GET", streams + "/notify:email?count=0", null, "console: count 0");
        add(CAMPAIGN, "GET", streams + "/notify:email?count=101", null, "console: count 101");
        add(CAMPAIGN, "GET", streams + "/notify:email?count=abc", null, "console: count not a number");
        add(CAMPAIGN, "GET", streams + "/notify:email/groups/nogroup/pending", null, "console: unknown group");
        add(CAMPAIGN, "GET", streams + "/notify:email/groups/channel-workers/pending?count=-1", null, "console: negative pending count");
        add(CAMPAIGN, "GET", streams + "/notify:email/groups/channel-workers/pending?count=99999999999", null, "console: enormous pending count");
        add(CAMPAIGN, "GET", "/api/v1/console/users/does-not-exist", null, "console: unknown user");
        add(CAMPAIGN, "GET", "/api/v1/console/users/..%2F..%2Fetc%2Fpasswd", null, "console: path traversal user id");
        add(CAMPAIGN, "GET", "/api/v1/console/users/" + "u".repeat(2000), null, "console: 2,000-char user id");
        add(CAMPAIGN, "GET", "/api/v1/console/users?email=nobody@example.org", null, "console: unknown e-mail");
        add(CAMPAIGN, "GET", "/api/v1/console/users?email=", null, "console: empty e-mail");
        add(CAMPAIGN, "GET", "/api/v1/console/users?email=%0d%0aFLUSHALL", null, "console: CRLF e-mail");
        add(CAMPAIGN, "GET", "/api/v1/console/users?email=" + "e".repeat(400), null, "console: 400-char e-mail");
        add(CAMPAIGN, "GET", "/api/v1/console/users?category=Astrology", null, "console: users of unknown category");
        add(CAMPAIGN, "GET", "/api/v1/console/users?category=Finance&limit=abc", null, "console: users limit not a number");
        add(CAMPAIGN, "GET", "/api/v1/console/channels/pigeon/dead-letters", null, "console: dead letters of unknown channel");
        add(CAMPAIGN, "GET", "/api/v1/console/channels/..%2F..%2Fetc/dead-letters", null, "console: path traversal channel");
        add(CAMPAIGN, "GET", "/api/v1/console/channels/email/dead-letters?limit=-1", null, "console: negative dead-letter limit");
        add(CAMPAIGN, "GET", "/api/v1/console/channels/email/dead-letters?limit=abc", null, "console: dead-letter limit not a number");
        add(CAMPAIGN, "POST", "/api/v1/console/channels/email/dead-letters/not-an-id/replay", null, "console: replay malformed id");
        add(CAMPAIGN, "POST", "/api/v1/console/channels/email/dead-letters/1-1/replay", null, "console: replay unknown dead letter");
        add(CAMPAIGN, "POST", "/api/v1/console/channels/pigeon/dead-letters/1-1/replay", null, "console: replay on unknown channel");
        add(CAMPAIGN, "POST", "/api/v1/console/channels/email/dead-letters/replay?max=0", null, "console: replay max 0");
        add(CAMPAIGN, "POST", "/api/v1/console/channels/email/dead-letters/replay?campaign=", null, "console: replay empty campaign");
        add(CAMPAIGN, "GET", "/api/v1/console/channels/email/campaigns/x/undelivered?limit=5000", null, "console: undelivered limit 5000");
        add(CAMPAIGN, "GET", "/api/v1/console/channels/pigeon/campaigns/x/undelivered", null, "console: undelivered of unknown channel");
        add(CAMPAIGN, "PUT", "/api/v1/console/config", "{}", "console: method not allowed");
        add(CAMPAIGN, "GET", "/api/v1/console/nothing-here", null, "console: unknown endpoint");
        add(CAMPAIGN, "GET", "/api/v1/campaigns?offset=-1", null, "negative offset");
        add(CAMPAIGN, "GET", "/api/v1/campaigns?offset=abc", null, "offset not a number");
        add(CAMPAIGN, "GET", "/api/v1/campaigns?offset=99999999", null, "offset beyond what a listing examines");
        add(USER, "GET", "/api/v1/users/lookup", null, "lookup without e-mail");
        add(USER, "GET", "/api/v1/users/lookup?email=%20", null, "lookup blank e-mail");
        add(USER, "GET", "/api/v1/users/lookup?email=" + "e".repeat(321), null, "lookup 321-char e-mail");
        add(USER, "GET", "/api/v1/users/lookup?email=nobody@example.org", null, "lookup unknown e-mail");
        add(WORKERS, "POST", "/api/v1/channels/email/dead-letters/abc/replay", null, "replay malformed dead-letter id");
        add(WORKERS, "POST", "/api/v1/channels/email/dead-letters/1-1/replay", null, "replay unknown dead letter");
        add(WORKERS, "POST", "/api/v1/channels/pigeon/dead-letters/1-1/replay", null, "replay one on unknown channel");
        add(WORKERS, "POST", "/api/v1/channels/email/dead-letters/replay?campaign=%20", null, "replay blank campaign");
        add(WORKERS, "GET", "/api/v1/channels/email/dead-letters?campaign=" + "c".repeat(300), null, "dead letters of 300-char campaign");
        add(WORKERS, "GET", "/api/v1/channels/email/campaigns/x/undelivered?limit=0", null, "undelivered limit 0");
        add(WORKERS, "GET", "/api/v1/channels/pigeon/campaigns/x/undelivered", null, "undelivered of unknown channel");
    }

    private void queues() {
        add(WORKERS, "POST", "/api/v1/queues/Bad_Name/messages", "{\"a\":1}", "queue name with capitals");
        add(WORKERS, "POST", "/api/v1/queues/" + "q".repeat(64) + "/messages", "{\"a\":1}", "64-char queue name");
        add(WORKERS, "POST", "/api/v1/queues/..%2Fnotify:email/messages", "{\"a\":1}", "path traversal queue name");
        add(WORKERS, "POST", "/api/v1/queues/jobs/messages", "[1,2]", "array message");
        add(WORKERS, "POST", "/api/v1/queues/jobs/messages", "42", "number message");
        add(WORKERS, "POST", "/api/v1/queues/jobs/messages", "{\"a\":", "truncated message");
        add(WORKERS, "POST", "/api/v1/queues/jobs/messages", "{\"a\":\"" + HUGE + "\"}", "300 KiB message");
        add(WORKERS, "POST", "/api/v1/queues/jobs/fetch?max=0", null, "max 0");
        add(WORKERS, "POST", "/api/v1/queues/jobs/fetch?max=101", null, "max 101");
        add(WORKERS, "POST", "/api/v1/queues/jobs/fetch?max=-3", null, "negative max");
        add(WORKERS, "POST", "/api/v1/queues/jobs/fetch?visibilityTimeout=forever", null, "unparsable visibility timeout");
        add(WORKERS, "POST", "/api/v1/queues/jobs/fetch?visibilityTimeout=PT-5S", null, "negative visibility timeout");
        add(WORKERS, "POST", "/api/v1/queues/jobs/fetch?wait=PT99999H", null, "enormous wait");
        add(WORKERS, "POST", "/api/v1/queues/jobs/acknowledge/not*a*receipt", null, "malformed receipt");
        add(WORKERS, "POST", "/api/v1/queues/jobs/requeue/%00", null, "NUL receipt");
        add(WORKERS, "POST", "/api/v1/queues/Bad_Name/fetch", null, "fetch bad queue name");
    }
}
