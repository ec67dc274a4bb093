package im.hearth.bench.jmh;

import im.hearth.protocol.sasl.SaslContext;
import im.hearth.protocol.sasl.SaslMechanisms;
import im.hearth.protocol.sasl.SaslStep;
import im.hearth.protocol.sasl.ScramAlgorithm;
import im.hearth.protocol.sasl.ScramClient;
import im.hearth.protocol.sasl.ScramCredential;
import im.hearth.protocol.sasl.ServerMechanism;
import java.util.Optional;
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

/**
 * SCRAM-SHA-256 as the server runs it per login: client-first → credential → server-first →
 * client-final → success. The client's side is in the loop too, with a one-iteration credential so
 * that its Hi costs nothing (the server's steps do not depend on the count). {@code createCredential}
 * is the cost of Hi at the default 4096 iterations: what an account creation, a password change or a
 * PLAIN login costs the server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScramBenchmark {
    SaslContext context;
    ScramCredential cheap;

    @Setup
    public void setUp() {
        context = new SaslContext("example.net", true, null, false);
        cheap = ScramCredential.derive(ScramAlgorithm.SHA_256, "correct horse battery staple", new byte[16], 1);
    }

    @Benchmark
    public SaslStep serverExchange() {
        ServerMechanism server = SaslMechanisms.create("SCRAM-SHA-256", context).orElseThrow();
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "alice", "correct horse battery staple");
        SaslStep step = server.start(client.clientFirst());
        step = server.credential(Optional.of(cheap));
        step = server.respond(client.clientFinal(((SaslStep.Challenge) step).data()));
        if (!(step instanceof SaslStep.Success)) {
            throw new IllegalStateException(step.toString());
        }
        return step;
    }

    @Benchmark
    public ScramCredential createCredential() {
        return ScramCredential.create(ScramAlgorithm.SHA_256, "correct horse battery staple");
    }
}
