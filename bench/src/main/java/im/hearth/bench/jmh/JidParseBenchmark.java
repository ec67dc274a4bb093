package im.hearth.bench.jmh;

import im.hearth.protocol.jid.Jid;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JID parsing with PRECIS preparation (RFC 7622), done for every to/from of every stanza. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JidParseBenchmark {
    @Param({"alice@example.net/laptop", "Alice@Example.NET", "jürgen@münchen.example/Telefon ☎"})
    public String jid;

    @Benchmark
    public Jid parse() {
        return Jid.parse(jid);
    }
}
