package dev.nps.channels.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP handlers for a Twilio-compatible provider's webhooks, on the JDK's own server so that nps-http or the
 * host application can mount them: inbound messages (answered with TwiML replies) and status callbacks. Each
 * request must carry a valid {@code X-Twilio-Signature} (else 403), must be a form POST within the body limit
 * (else 405, 415 or 413), and is applied once per {@code MessageSid} (a duplicate is acknowledged with 200 and
 * not applied again).
 *
 * <p>The signature covers the URL the provider called, which behind a proxy differs from what the server
 * sees: pass the public URL exactly as configured at the provider; the request's query string is appended.
 *
 * @since 0.1
 */
public final class SmsWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(SmsWebhooks.class);

    /** Default largest accepted request body. {@value} bytes */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    /** Default number of message ids remembered for de-duplication. {@value} */
    public static final int DEFAULT_REMEMBERED_IDS = 100_000;

    private final TwilioSignature signature;
    private final int maxBodyBytes;
    private final int rememberedIds;

    private SmsWebhooks(TwilioSignature signature, int maxBodyBytes, int rememberedIds) {
        this.signature = signature;
        this.maxBodyBytes = maxBodyBytes;
        this.rememberedIds = rememberedIds;
    }

    /**
     * @param authToken the account's auth token, which signs every webhook request
     * @return webhooks with the default body limit and memory
     */
    public static SmsWebhooks create(String authToken) {
        return create(authToken, DEFAULT_MAX_BODY_BYTES, DEFAULT_REMEMBERED_IDS);
    }

    /**
     * @param authToken     the account's auth token
     * @param maxBodyBytes  largest accepted body, 1 KiB..1 MiB
     * @param rememberedIds message ids remembered for de-duplication, at least 1
     * @return the webhooks
     * @throws NpsException {@code INVALID_ARGUMENT} when a limit is out of range
     */
    public static SmsWebhooks create(String authToken, int maxBodyBytes, int rememberedIds) {
        if (maxBodyBytes < 1024 || maxBodyBytes > 1024 * 1024) {
            throw NpsException.invalid("sms.webhook.max-body-bytes", "must be 1024..1048576 (got " + maxBodyBytes + ")");
        }
        if (rememberedIds < 1) {
            throw NpsException.invalid("sms.webhook.remembered-ids", "must be at least 1 (got " + rememberedIds + ")");
        }
        return new SmsWebhooks(new TwilioSignature(authToken), maxBodyBytes, rememberedIds);
    }

    /**
     * A handler for inbound messages: applies each through the conversation and answers with its replies as TwiML.
     *
     * @param publicUrl    the URL the provider calls, as configured there
     * @param conversation applies the messages
     * @return the handler
     */
    public HttpHandler inbound(URI publicUrl, SmsConversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        SeenIds seen = new SeenIds(rememberedIds);
        return new SignedFormHandler(publicUrl) {
            @Override
            Reply apply(Map<String, String> p) {
                String sid = p.get("MessageSid");
                String from = p.get("From");
                if (sid == null || sid.isBlank() || from == null) {
                    return new Reply(400, "text/plain; charset=utf-8", "MessageSid and From are required");
                }
                if (!seen.claim(sid)) {
                    return twiml(List.of());
                }
                try {
                    if (!isE164(from)) {
                        LOG.debug("inbound SMS from a number that is not E.164 ignored");
                        return twiml(List.of());
                    }
                    return twiml(conversation.onInbound(from, p.getOrDefault("Body", "")));
                } catch (RuntimeException e) {
                    seen.release(sid);
                    throw e;
                }
            }
        };
    }

    /**
     * A handler for status callbacks: reports each to the tracker, which ignores duplicates and regressions.
     *
     * @param publicUrl the URL the provider calls, as configured there (the channel's StatusCallback)
     * @param tracker   receives the statuses
     * @return the handler
     */
    public HttpHandler statusCallback(URI publicUrl, SmsStatusTracker tracker) {
        Objects.requireNonNull(tracker, "tracker");
        return new SignedFormHandler(publicUrl) {
            @Override
            Reply apply(Map<String, String> p) {
                String sid = p.get("MessageSid");
                Optional<SmsStatus> status = SmsStatus.fromTwilio(p.getOrDefault("MessageStatus", p.get("SmsStatus")));
                if (sid == null || sid.isBlank() || status.isEmpty()) {
                    return new Reply(400, "text/plain; charset=utf-8", "MessageSid and a known MessageStatus are required");
                }
                tracker.report(sid, status.get(), Optional.ofNullable(p.get("ErrorCode")).filter(s -> !s.isBlank()));
                return new Reply(200, "text/plain; charset=utf-8", "");
            }
        };
    }

    private static boolean isE164(String phone) {
        try {
            Contact.requirePhone(phone);
            return true;
        } catch (NpsException e) {
            return false;
        }
    }

    static Reply twiml(List<String> messages) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
        for (String m : messages) {
            sb.append("<Message>").append(escapeXml(m)).append("</Message>");
        }
        return new Reply(200, "application/xml; charset=utf-8", sb.append("</Response>").toString());
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    record Reply(int status, String contentType, String body) {}

    /** Checks method, size, type and signature, then applies the form. */
    private abstract class SignedFormHandler implements HttpHandler {
        private final String url;

        SignedFormHandler(URI publicUrl) {
            Objects.requireNonNull(publicUrl, "publicUrl");
            if (!publicUrl.isAbsolute() || publicUrl.getHost() == null) {
                throw NpsException.invalid("sms.webhook.url", "must be an absolute http(s) URL as configured at the provider");
            }
            String u = publicUrl.toString();
            int q = u.indexOf('?');
            this.url = q < 0 ? u : u.substring(0, q);
        }

        abstract Reply apply(Map<String, String> params);

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                Reply reply = check(exchange);
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
        }

        private Reply check(HttpExchange exchange) throws IOException {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                return new Reply(405, "text/plain; charset=utf-8", "POST only");
            }
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                return new Reply(415, "text/plain; charset=utf-8", "expected application/x-www-form-urlencoded");
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length) > maxBodyBytes) {
                return new Reply(413, "text/plain; charset=utf-8", "body larger than " + maxBodyBytes + " bytes");
            }
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readNBytes(maxBodyBytes + 1);
            }
            if (raw.length > maxBodyBytes) {
                return new Reply(413, "text/plain; charset=utf-8", "body larger than " + maxBodyBytes + " bytes");
            }
            Map<String, String> params;
            try {
                params = Forms.decode(new String(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return new Reply(400, "text/plain; charset=utf-8", "malformed form body");
            }
            String query = exchange.getRequestURI().getRawQuery();
            String signedUrl = query == null ? url : url + "?" + query;
            if (!signature.verify(signedUrl, params, exchange.getRequestHeaders().getFirst(TwilioSignature.HEADER))) {
                LOG.warn("SMS webhook request with a missing or wrong {} rejected", TwilioSignature.HEADER);
                return new Reply(403, "text/plain; charset=utf-8", "signature missing or wrong");
            }
            try {
                return apply(params);
            } catch (NpsException e) {
                // The engine failed or the input was refused; a 5xx lets the provider retry, a 4xx does not.
                boolean client = e.code() == dev.nps.api.ErrorCode.INVALID_ARGUMENT;
                LOG.warn("SMS webhook request failed: {}", e.code());
                return new Reply(client ? 400 : 500, "text/plain; charset=utf-8", client ? "rejected" : "failed");
            }
        }

        private long parseLong(String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
