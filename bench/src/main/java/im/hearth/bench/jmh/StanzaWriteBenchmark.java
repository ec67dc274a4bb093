package im.hearth.bench.jmh;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Stanza serialization: a chat message with a delay stamp and a stanza-id, as delivered, to UTF-8 bytes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StanzaWriteBenchmark {
    Element message;

    @Setup
    public void setUp() {
        message = Element.builder("message", Namespaces.CLIENT)
                .attr("to", "bob@example.net/phone").attr("from", "alice@example.net/laptop")
                .attr("type", "chat").attr("id", "m-1234")
                .textChild("body", Namespaces.CLIENT, "Hello Bob, are we still on for dinner <tonight> & tomorrow?")
                .child(Element.of("active", "http://jabber.org/protocol/chatstates"))
                .child(Element.builder("stanza-id", Namespaces.STANZA_ID).attr("by", "bob@example.net")
                        .attr("id", "5f1c0a2e-8f3b-4c1a-9d7e-2b6a1e0c9f44").build())
                .build();
    }

    @Benchmark
    public String writeString() {
        return XmlWriter.write(message, Namespaces.CLIENT);
    }

    @Benchmark
    public byte[] writeUtf8() {
        return XmlWriter.write(message, Namespaces.CLIENT).getBytes(StandardCharsets.UTF_8);
    }
}
