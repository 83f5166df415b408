package io.feedimport.monitoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback HTTP server standing in for Sentry: accepts what the SDK posts to {@code /api/42/envelope/}, keeps
 * each body as sent (un-gzipped), and answers 200 like the real thing.
 */
final class SentryStub implements AutoCloseable {

    static final String PROJECT = "42";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final CountDownLatch released;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();

    SentryStub() throws IOException {
        this(false);
    }

    private SentryStub(boolean hanging) throws IOException {
        released = new CountDownLatch(hanging ? 1 : 0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A Sentry that accepts connections but never answers, until closed: a network black hole, as seen by the SDK. */
    static SentryStub hanging() throws IOException {
        return new SentryStub(true);
    }

    String dsn() {
        return "http://publickey@127.0.0.1:" + server.getAddress().getPort() + "/" + PROJECT;
    }

    /** Every request body received, as text, in arrival order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Requests to anything but the envelope endpoint, as "METHOD path". */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** The payloads of every {@code event} item of every envelope received. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (String body : bodies) {
            events.addAll(items(body, "event"));
        }
        return events;
    }

    /** The payloads of the items of one type in an envelope: a header line, then item header and payload lines. */
    static List<JsonNode> items(String envelope, String type) {
        List<JsonNode> payloads = new ArrayList<>();
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        int position = endOfLine(bytes, 0) + 1;
        while (position < bytes.length) {
            int headerEnd = endOfLine(bytes, position);
            JsonNode header = JSON.readTree(new String(bytes, position, headerEnd - position, StandardCharsets.UTF_8));
            position = headerEnd + 1;
            int length = header.has("length") ? header.get("length").asInt() : endOfLine(bytes, position) - position;
            String payload = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length + 1;
            if (type.equals(header.get("type").asString())) {
                payloads.add(JSON.readTree(payload));
            }
        }
        return payloads;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/api/" + PROJECT + "/envelope/")) {
                unexpected.add(exchange.getRequestMethod() + " " + path);
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            awaitRelease();
            InputStream body = new ByteArrayInputStream(raw);
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            bodies.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"id\":\"00000000000000000000000000000000\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int endOfLine(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
