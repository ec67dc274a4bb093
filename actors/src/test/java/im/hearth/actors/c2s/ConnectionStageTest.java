package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.net.NetIn;
import im.hearth.actors.net.NetOut;
import im.hearth.protocol.stream.StreamLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The connection stage without sockets, against a client that never reads (no demand downstream):
 * its connection must end, not linger, both when its queue overflows and when the session closes
 * the stream with bytes still unread.
 */
class ConnectionStageTest {
    // A local actor system: the module's reference.conf asks for a cluster, which takes seconds to start.
    private static final ActorTestKit KIT = ActorTestKit.create(
            ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** Runs the stage between a client that sends nothing and one that never reads; returns its end. */
    private static CompletableFuture<Done> deafConnection(TestProbe<Session.Command> session, long maxQueued,
                                                         Duration closeTimeout) {
        ConnectionStage stage = new ConnectionStage(session.ref(), StreamLimits.defaults(), maxQueued, closeTimeout);
        return Source.<NetIn>maybe()
                .via(Flow.fromGraph(stage))
                .watchTermination(Keep.right())
                .to(Sink.fromSubscriber(new NeverRequests()))
                .run(KIT.system())
                .toCompletableFuture();
    }

    private static Wire attached(TestProbe<Session.Command> session) {
        return session.expectMessageClass(Session.Attached.class).wire();
    }

    @Test
    void closingTheStreamOfAClientThatDoesNotReadAbortsItAfterTheCloseTimeout() throws Exception {
        TestProbe<Session.Command> session = KIT.createTestProbe();
        CompletableFuture<Done> ended = deafConnection(session, 64 * 1024, Duration.ofMillis(300));
        Wire wire = attached(session);
        wire.send("<message><body>unread</body></message>");
        wire.close("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> ended.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void overflowingTheQueueAbortsTheConnectionAndTellsTheSession() throws Exception {
        TestProbe<Session.Command> session = KIT.createTestProbe();
        CompletableFuture<Done> ended = deafConnection(session, 4096, Duration.ofSeconds(30));
        Wire wire = attached(session);
        for (int i = 0; i < 100; i++) {
            wire.send("<message><body>" + "x".repeat(100) + "</body></message>");
        }
        Session.Disconnected d = session.expectMessageClass(Session.Disconnected.class);
        assertTrue(d.reason().contains("overflow"), d.reason());
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> ended.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
    }

    /** A client that never reads. */
    private static final class NeverRequests implements Subscriber<NetOut> {
        @Override
        public void onSubscribe(Subscription s) {
            // never s.request(...)
        }

        @Override
        public void onNext(NetOut t) {
            throw new AssertionError("nothing was requested");
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }
    }
}
