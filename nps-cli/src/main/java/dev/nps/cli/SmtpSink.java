package dev.nps.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on the loopback interface for {@code nps demo}: accepts every message (HELO/EHLO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT; 8BITMIME and SMTPUTF8 offered) and writes each as an {@code .eml} file. No relay, no
 * authentication, no TLS: it only listens on 127.0.0.1 and only for the demo's lifetime.
 */
final class SmtpSink implements AutoCloseable {
    private static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    private final ServerSocket server;
    private final Path folder;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nps-demo-smtp");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Path> messages = new CopyOnWriteArrayList<>();

    SmtpSink(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return the .eml files written so far, in arrival order */
    List<Path> messages() {
        return List.copyOf(messages);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.execute(() -> session(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(30_000);
            reply(out, "220 localhost nps-demo SMTP sink");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line.toUpperCase(java.util.Locale.ROOT);
                switch (cmd) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE " + MAX_MESSAGE_BYTES);
                    case "HELO" -> reply(out, "250 localhost");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder message = new StringBuilder();
                        String l;
                        while ((l = in.readLine()) != null && !l.equals(".")) {
                            message.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
                            if (message.length() > MAX_MESSAGE_BYTES) {
                                reply(out, "552 message too large");
                                return;
                            }
                        }
                        Path file = folder.resolve(String.format(java.util.Locale.ROOT, "%05d.eml", counter.incrementAndGet()));
                        Files.writeString(file, message, StandardCharsets.UTF_8);
                        messages.add(file);
                        reply(out, "250 OK queued as " + file.getFileName());
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 command not implemented");
                }
            }
        } catch (SocketException e) {
            // the client hung up
        } catch (IOException e) {
            // a broken demo connection; the channel reports the outcome
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
