package com.quotebus.access.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A service instance for tests: consumes at {@code svc.<service>.<instanceId>}, records every request as
 * {@code id:action:body} and answers with {@code reply} ({@code null} = never answer; a thrown
 * {@link IllegalStateException} = fail with code 7).
 */
final class FakeService extends VerticleBase {

    final String service;
    final String instanceId;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** Value of the {@link ContextFailover#RESENT_HEADER} of each request, in order. */
    final List<String> resentHeaders = new CopyOnWriteArrayList<>();
    private final Function<Message<Object>, Object> reply;
    private volatile Runnable onReceive = () -> { };

    FakeService(String service, String instanceId, Function<Message<Object>, Object> reply) {
        this.service = service;
        this.instanceId = instanceId;
        this.reply = reply;
    }

    /** Answers {@code {"instance": id, "echo": body}}. */
    static FakeService answering(String service, String instanceId) {
        return new FakeService(service, instanceId, m -> new JsonObject().put("instance", instanceId).put("echo", m.body()));
    }

    static FakeService silent(String service, String instanceId) {
        return new FakeService(service, instanceId, m -> null);
    }

    FakeService onReceive(Runnable action) {
        this.onReceive = action;
        return this;
    }

    String address() {
        return "svc." + service + "." + instanceId;
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<Object>consumer(address(), m -> {
            received.add(instanceId + ":" + m.headers().get(ServiceRouter.ACTION_HEADER) + ":" + m.body());
            resentHeaders.add(String.valueOf(m.headers().get(ContextFailover.RESENT_HEADER)));
            onReceive.run();
            Object answer;
            try {
                answer = reply.apply(m);
            } catch (IllegalStateException e) {
                m.fail(7, e.getMessage());
                return;
            }
            if (answer != null) {
                m.reply(answer);
            }
        }).completion();
    }
}
