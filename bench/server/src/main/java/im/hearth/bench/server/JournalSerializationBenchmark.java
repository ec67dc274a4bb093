package im.hearth.bench.server;

import com.typesafe.config.ConfigFactory;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.MessageArchived.Direction;
import im.hearth.persistence.event.user.OfflineDelivered;
import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import scala.concurrent.Await;

/**
 * Journal event serialization: the User entity's most frequent events through the serializer Pekko
 * picks for them with the project's configuration (persistence's reference.conf binds
 * {@code StoredData} to jackson-cbor), both ways, with the manifest the journal stores. The
 * serializer comes from {@link SerializationExtension} of a plain local actor system started for
 * the trial; the serialized size is printed once per trial ({@code # event ... bytes}).
 * <ul>
 *   <li>{@code MessageArchived}: every archived chat message, in or out (the stanza as XML inside);</li>
 *   <li>{@code StoredOffline}: every message kept for an offline account;</li>
 *   <li>{@code OfflineDelivered}: once per session that fetches its offline queue (here ten ids).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Eight: pinned to one core (the JIT shares it), these still got faster after six 1 s iterations.
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalSerializationBenchmark {
    @Param({"MessageArchived", "StoredOffline", "OfflineDelivered"})
    public String event;

    ActorSystem system;
    SerializerWithStringManifest serializer;
    UserEvent value;
    String manifest;
    byte[] bytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        system = ActorSystem.create("journal-serialization-bench", ConfigFactory.load());
        value = sample(event);
        Serializer found = SerializationExtension.get(system).serializerFor(value.getClass());
        if (!(found instanceof SerializerWithStringManifest s)) {
            throw new IllegalStateException("expected a serializer with a string manifest, got " + found);
        }
        serializer = s;
        manifest = serializer.manifest(value);
        bytes = serializer.toBinary(value);
        Object back = serializer.fromBinary(bytes, manifest);
        if (!value.equals(back)) {
            throw new IllegalStateException("round trip changed " + value + " into " + back);
        }
        System.out.printf("# event %s: %d bytes through %s (id %d), manifest %s%n",
                event, bytes.length, serializer.getClass().getSimpleName(), serializer.identifier(), manifest);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        system.terminate();
        Await.result(system.whenTerminated(), scala.concurrent.duration.Duration.fromNanos(Duration.ofSeconds(10).toNanos()));
    }

    @Benchmark
    public byte[] serialize() {
        return serializer.toBinary(value);
    }

    @Benchmark
    public Object deserialize() throws Exception {
        return serializer.fromBinary(bytes, manifest);
    }

    /** The serialized size of the trial's event, for tests and reports. */
    public int size() {
        return bytes.length;
    }

    static UserEvent sample(String name) {
        Instant at = Instant.parse("2026-11-24T18:30:00.123456Z");
        String id = "0018f2c3a4b5c6d7e8f9a0b";
        String xml = XmlWriter.write(Element.builder("message", Namespaces.CLIENT)
                .attr("to", "bob@example.net").attr("from", "alice@example.net/laptop")
                .attr("type", "chat").attr("id", "m-1234")
                .textChild("body", Namespaces.CLIENT, "Hello Bob, are we still on for dinner <tonight> & tomorrow?")
                .child(Element.of("active", "http://jabber.org/protocol/chatstates"))
                .child(Element.builder("stanza-id", Namespaces.STANZA_ID).attr("id", id).attr("by", "bob@example.net").build())
                .build());
        return switch (name) {
            case "MessageArchived" -> new MessageArchived(id, at, Direction.INCOMING, "alice@example.net", xml);
            case "StoredOffline" -> new StoredOffline(id, at, xml);
            case "OfflineDelivered" -> new OfflineDelivered(
                    List.of("0018f2c3a4b5c6d7e8f9a00", "0018f2c3a4b5c6d7e8f9a01", "0018f2c3a4b5c6d7e8f9a02",
                            "0018f2c3a4b5c6d7e8f9a03", "0018f2c3a4b5c6d7e8f9a04", "0018f2c3a4b5c6d7e8f9a05",
                            "0018f2c3a4b5c6d7e8f9a06", "0018f2c3a4b5c6d7e8f9a07", "0018f2c3a4b5c6d7e8f9a08",
                            "0018f2c3a4b5c6d7e8f9a09"), at);
            default -> throw new IllegalArgumentException("no sample event " + name);
        };
    }
}
