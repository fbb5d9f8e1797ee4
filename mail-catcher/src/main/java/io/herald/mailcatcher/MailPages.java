package io.herald.mailcatcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The catcher's web side on the JDK's HTTP server: {@code GET /} the newest mails (filter
 * {@code ?to=}), {@code GET /mails/<id>} one mail, {@code GET /api/mails?to=&limit=} and
 * {@code GET /api/mails/<id>} the same as JSON, {@code GET /api/stats}, {@code POST /api/purge},
 * {@code GET /health}. Everything shown is escaped.
 */
final class MailPages {

    private static final String STYLE = "<style>body{font:15px system-ui,sans-serif;margin:24px;color:#1f2937}"
            + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:4px 8px;"
            + "text-align:left}pre{white-space:pre-wrap;background:#f9fafb;padding:12px}</style>";

    private final Inbox inbox;

    MailPages(Inbox inbox) {
        this.inbox = inbox;
    }

    void register(HttpServer server) {
        server.createContext("/", this::handle);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/api/purge")) {
                inbox.purge();
                send(exchange, 204, "application/json", "");
            } else if (!method.equals("GET")) {
                send(exchange, 405, "application/json", "{\"title\":\"Method not allowed\"}");
            } else if (path.equals("/health")) {
                send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
            } else if (path.equals("/api/stats")) {
                send(exchange, 200, "application/json", "{\"received\":" + inbox.received() + "}");
            } else if (path.equals("/api/mails")) {
                List<CaughtMail> mails = inbox.newest(limit(query.get("limit")), query.get("to"));
                send(exchange, 200, "application/json",
                        mails.stream().map(MailPages::json).collect(Collectors.joining(",", "[", "]")));
            } else if (path.startsWith("/api/mails/")) {
                one(exchange, path.substring("/api/mails/".length()), true);
            } else if (path.startsWith("/mails/")) {
                one(exchange, path.substring("/mails/".length()), false);
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", list(query.get("to")));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    private void one(HttpExchange exchange, String id, boolean json) throws IOException {
        CaughtMail mail = id.matches("[0-9]{1,18}") ? inbox.find(Long.parseLong(id)).orElse(null) : null;
        if (mail == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "no such mail (only the newest are kept)");
        } else if (json) {
            send(exchange, 200, "application/json", json(mail));
        } else {
            send(exchange, 200, "text/html; charset=utf-8", "<!doctype html><title>" + Text.html(mail.subject())
                    + "</title>" + STYLE + "<p><a href=\"/\">← all mails</a></p><h1>" + Text.html(mail.subject())
                    + "</h1><p>To: " + Text.html(mail.to()) + "<br>From: " + Text.html(mail.from()) + "<br>Received: "
                    + mail.receivedAt() + "<br>Message-ID: " + Text.html(mail.messageId()) + "</p><pre>"
                    + Text.html(mail.text()) + "</pre>");
        }
    }

    private String list(String to) {
        StringBuilder page = new StringBuilder("<!doctype html><meta charset=utf-8><title>Herald mail catcher</title>")
                .append(STYLE).append("<h1>Mails</h1><p>").append(inbox.received())
                .append(" received since start; the newest are kept.</p><form><label>To <input name=to value=\"")
                .append(Text.html(to)).append("\"></label> <button>Filter</button></form><table><tr><th>#</th>")
                .append("<th>Received</th><th>To</th><th>Subject</th></tr>");
        for (CaughtMail mail : inbox.newest(200, to)) {
            page.append("<tr><td><a href=\"/mails/").append(mail.id()).append("\">").append(mail.id())
                    .append("</a></td><td>").append(mail.receivedAt()).append("</td><td>").append(Text.html(mail.to()))
                    .append("</td><td>").append(Text.html(mail.subject())).append("</td></tr>");
        }
        return page.append("</table>").toString();
    }

    private static String json(CaughtMail mail) {
        return "{\"id\":" + mail.id() + ",\"receivedAt\":\"" + mail.receivedAt() + "\",\"to\":" + Text.json(mail.to())
                + ",\"from\":" + Text.json(mail.from()) + ",\"subject\":" + Text.json(mail.subject())
                + ",\"messageId\":" + Text.json(mail.messageId()) + ",\"text\":" + Text.json(mail.text()) + "}";
    }

    private static int limit(String value) {
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 50;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
