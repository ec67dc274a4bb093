package im.hearth.protocol.stream;

import static im.hearth.protocol.stream.StreamFixtures.CLIENT_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stanza.StreamErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestPublisher;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.stream.testkit.javadsl.TestSource;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class XmlStreamStageTest {

    private static ActorSystem system;

    @BeforeAll
    static void start() {
        system = ActorSystem.create("XmlStreamStageTest");
    }

    @AfterAll
    static void stop() {
        TestKit.shutdownActorSystem(system);
    }

    @Test
    void turnsChunksIntoTheSameEventsAsTheParserAndCompletesAfterClose() throws Exception {
        byte[] data = StreamFixtures.sample();
        List<ByteString> chunks = new ArrayList<>();
        for (int i = 0; i < data.length; i += 7) {
            chunks.add(ByteString.fromArray(data, i, Math.min(7, data.length - i)));
        }
        chunks.add(2, ByteString.emptyByteString());

        List<StreamEvent> events = Source.from(chunks)
                .via(XmlStreamStage.flow(StreamLimits.defaults()))
                .runWith(Sink.seq(), system)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(StreamFixtures.parseWhole(data), events);
    }

    @Test
    void endOfInputBetweenStanzasEndsWithClose() throws Exception {
        List<StreamEvent> events = Source.single(ByteString.fromString(CLIENT_HEADER + "<presence/> "))
                .via(XmlStreamStage.flow(StreamLimits.defaults()))
                .runWith(Sink.seq(), system)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(3, events.size());
        assertInstanceOf(StreamEvent.Close.class, events.get(2));
    }

    @Test
    void malformedInputFailsTheStreamWithTheCondition() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> Source.from(List.of(ByteString.fromString(CLIENT_HEADER + "<message><body>"),
                                ByteString.fromString("</message>")))
                        .via(XmlStreamStage.flow(StreamLimits.defaults()))
                        .runWith(Sink.seq(), system)
                        .toCompletableFuture().get(10, TimeUnit.SECONDS));
        StreamErrorException cause = assertInstanceOf(StreamErrorException.class, failure.getCause());
        assertEquals(StreamErrorCondition.NOT_WELL_FORMED, cause.condition());
    }

    @Test
    void pullsBytesOnlyWhenDownstreamWantsAnEventThatIsNotYetThere() {
        AtomicInteger chunksPulled = new AtomicInteger();
        TestSubscriber.Probe<StreamEvent> downstream = Source.from(List.of(
                        ByteString.fromString(CLIENT_HEADER + "<presence/><presence/>"),
                        ByteString.fromString("<presence/>"),
                        ByteString.fromString("</stream:stream>")))
                .map(chunk -> {
                    chunksPulled.incrementAndGet(); // fused with the stage: runs only when it pulls
                    return chunk;
                })
                .via(XmlStreamStage.flow(StreamLimits.defaults()))
                .runWith(TestSink.create(system), system);

        downstream.request(1);
        assertInstanceOf(StreamEvent.Open.class, downstream.expectNext());
        assertEquals(1, chunksPulled.get());
        // Two events are still in the bytes it has: it must not ask for more while they are delivered.
        downstream.request(2);
        assertInstanceOf(StreamEvent.Child.class, downstream.expectNext());
        assertInstanceOf(StreamEvent.Child.class, downstream.expectNext());
        assertEquals(1, chunksPulled.get());
        downstream.request(1);
        assertInstanceOf(StreamEvent.Child.class, downstream.expectNext());
        assertEquals(2, chunksPulled.get());
        downstream.request(1);
        assertInstanceOf(StreamEvent.Close.class, downstream.expectNext());
        downstream.expectComplete();
    }

    @Test
    void upstreamEndingBetweenStanzasWhileDownstreamWaitsGivesClose() {
        Tuple2<TestPublisher.Probe<ByteString>, TestSubscriber.Probe<StreamEvent>> probes =
                TestSource.<ByteString>create(system)
                        .via(XmlStreamStage.flow(StreamLimits.defaults()))
                        .toMat(TestSink.create(system), (in, out) -> Tuple2.apply(in, out))
                        .run(system);
        TestPublisher.Probe<ByteString> upstream = probes._1();
        TestSubscriber.Probe<StreamEvent> downstream = probes._2();

        downstream.request(1);
        upstream.expectRequest();
        upstream.sendNext(ByteString.fromString(CLIENT_HEADER));
        assertInstanceOf(StreamEvent.Open.class, downstream.expectNext());
        upstream.sendComplete();
        downstream.request(1);
        assertInstanceOf(StreamEvent.Close.class, downstream.expectNext());
        downstream.expectComplete();
    }
}
