package dev.nps.channels.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on a loopback socket that gives exact replies: a chosen code for one recipient, a stall at
 * the greeting, at RCPT or after DATA, a server that goes away after k messages. Records what it was told.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    static final String STALL = "STALL";

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger connections = new AtomicInteger();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();
    final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    volatile String greeting = "220 stub ESMTP";
    volatile String dataEndReply = "250 2.0.0 queued";
    volatile boolean smtpUtf8 = true;
    volatile int stopAfterMessages = Integer.MAX_VALUE;
    volatile boolean dropConnectionAfterEachMessage;

    ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "scripted-smtp-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                sockets.add(s);
                if (closed.getCount() == 0) {
                    // accepted while stopping: close() may already have gone through the sockets
                    s.close();
                    continue;
                }
                Thread t = new Thread(() -> serve(s), "scripted-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            if (!reply(out, greeting)) {
                return;
            }
            if (greeting.startsWith("4") || greeting.startsWith("5")) {
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (closed.getCount() == 0) {
                    // stopped: a stopped server answers nothing more, on any connection
                    return;
                }
                commands.add(line);
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-stub" + (smtpUtf8 ? "\r\n250-SMTPUTF8" : "") + "\r\n250 8BITMIME");
                } else if (upper.startsWith("HELO") || upper.startsWith("MAIL FROM") || upper.startsWith("RSET")
                        || upper.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    String addr = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    if (!reply(out, rcptReplies.getOrDefault(addr, "250 OK"))) {
                        return;
                    }
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder m = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        m.append(line).append("\r\n");
                    }
                    String end = dataEndReply;
                    if (closed.getCount() == 0) {
                        return;
                    }
                    if (end.startsWith("250")) {
                        // recorded before the reply, so a test that saw the 250 also sees the message
                        messages.add(m.toString());
                    }
                    if (!reply(out, end)) {
                        return;
                    }
                    if (end.startsWith("250")) {
                        if (messages.size() >= stopAfterMessages) {
                            close();
                            return;
                        }
                        if (dropConnectionAfterEachMessage) {
                            return;
                        }
                    }
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        }
    }

    /** @return false when the reply was a stall: the connection then hangs until the server closes */
    private boolean reply(OutputStream out, String reply) throws IOException {
        if (STALL.equals(reply)) {
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return true;
    }

    List<String> commandsStartingWith(String prefix) {
        List<String> r = new ArrayList<>();
        for (String c : commands) {
            if (c.toUpperCase(java.util.Locale.ROOT).startsWith(prefix)) {
                r.add(c);
            }
        }
        return r;
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
