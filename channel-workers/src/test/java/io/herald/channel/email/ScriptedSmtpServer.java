package io.herald.channel.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server for tests, because GreenMail cannot refuse a recipient: it answers
 * {@code RCPT TO} with 550 for addresses told to {@link #reject}, with 450 the first n times for
 * addresses told to {@link #deferFirst}, and accepts everything else (counting, not storing).
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> deferrals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rcpts = new ConcurrentHashMap<>();
    private final Queue<String> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();

    ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    void reject(String address) {
        rejected.add(address);
    }

    void deferFirst(String address, int times) {
        deferrals.put(address, new AtomicInteger(times));
    }

    /** Recipients of accepted mails, one per mail. */
    Queue<String> accepted() {
        return accepted;
    }

    int rcptAttempts(String address) {
        AtomicInteger count = rcpts.get(address);
        return count == null ? 0 : count.get();
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        rcpts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                        AtomicInteger deferred = deferrals.get(address);
                        if (rejected.contains(address)) {
                            reply(out, "550 5.1.1 <" + address + ">: no such user");
                        } else if (deferred != null && deferred.getAndDecrement() > 0) {
                            reply(out, "450 4.2.1 <" + address + ">: mailbox busy, try later");
                        } else {
                            recipient = address;
                            reply(out, "250 OK");
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        while (!".".equals(in.readLine())) {
                            // the content is not needed here; GreenMail tests check it
                        }
                        accepted.add(recipient);
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "500 unknown command");
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
