package im.hearth.bench.server;

import im.hearth.actors.routing.DeliveryRules;
import im.hearth.actors.routing.DeliveryRules.Resource;
import im.hearth.protocol.stanza.StanzaKind;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision the User entity takes for every stanza that arrives for the account: RFC 6121
 * section 8.5 through {@link DeliveryRules#decide}, for a chat message, a presence and an IQ request
 * to the bare or the full JID, with 1, 3 or 5 bound resources. The resources are the first n of:
 * priority 5, priority 1, unavailable, priority -1, priority 5 (so at five a bare chat message goes
 * to two resources); a full JID names the last one (the longest scan).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeliveryRulesBenchmark {
    private static final List<Resource> ALL = List.of(
            new Resource("laptop", true, 5),
            new Resource("phone", true, 1),
            new Resource("tablet", false, 0),
            new Resource("watch", true, -1),
            new Resource("desktop", true, 5));

    /** What is sent, to which address. */
    @Param({"message-bare", "message-full", "presence-bare", "iq-full"})
    public String target;

    /** How many resources the account has bound. */
    @Param({"1", "3", "5"})
    public int resources;

    StanzaKind kind;
    String type;
    String toResource;
    List<Resource> bound;

    @Setup
    public void setUp() {
        bound = ALL.subList(0, resources);
        String[] parts = target.split("-");
        kind = StanzaKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        type = switch (kind) {
            case MESSAGE -> "chat";
            case PRESENCE -> null;
            case IQ -> "get";
        };
        toResource = parts[1].equals("full") ? bound.get(bound.size() - 1).name() : null;
        if (!(decide() instanceof DeliveryRules.Decision.DeliverTo)) {
            throw new IllegalStateException(target + " to " + resources + " resources is not delivered: " + decide());
        }
    }

    @Benchmark
    public DeliveryRules.Decision decide() {
        return DeliveryRules.decide(kind, type, toResource, true, bound);
    }
}
