package im.hearth.actors.c2s;

import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.net.SwitchableTls;
import im.hearth.protocol.stream.StreamLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * A client listener: a TCP port where every connection gets a {@link Session} actor and a stream
 * of TLS ({@link SwitchableTls}: STARTTLS per RFC 6120 section 5, or direct TLS per XEP-0368)
 * joined with the {@link ConnectionStage}. The listener actor is the parent of its sessions.
 */
public final class C2sListener {

    /**
     * How long the last bytes of a closed stream (a stream error, the closing tag) may take to reach
     * a client before its connection is aborted. TODO(config): a setting once the config package
     * has a place for it; ten seconds is plenty for any client that still reads.
     */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private C2sListener() {
    }

    private record Accepted(Tcp.IncomingConnection connection) {
    }

    /** Binds the port; completes with the binding once it accepts connections. */
    public static CompletionStage<Tcp.ServerBinding> bind(ActorSystem<?> system, SessionServices services,
                                                          Supplier<SSLEngine> engines, String name, int port,
                                                          boolean directTls) {
        HearthSettings.C2s c2s = services.settings().c2s();
        StreamLimits limits = new StreamLimits(c2s.maxStanzaBytes(), c2s.maxDepth(), c2s.maxAttributes(),
                c2s.maxAttributeBytes(), StreamLimits.defaults().maxHeaderBytes());
        ActorRef<Accepted> parent = system.systemActorOf(Behaviors.setup(ctx -> {
            Materializer mat = Materializer.createMaterializer(ctx);
            return Behaviors.receiveMessage((Accepted a) -> {
                InetSocketAddress remote = a.connection().remoteAddress();
                String host = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
                ActorRef<Session.Command> session = ctx.spawnAnonymous(
                        Session.create(services, host + ":" + remote.getPort(), host, name, directTls));
                Flow<ByteString, ByteString, ?> handler = SwitchableTls.create(engines, directTls)
                        .reversed()
                        .join(Flow.fromGraph(new ConnectionStage(session, limits, c2s.maxOutboundQueueBytes(), CLOSE_TIMEOUT)));
                a.connection().handleWith(handler, mat);
                return Behaviors.same();
            });
        }), "c2s-" + name, Props.empty());
        return Tcp.get(system).bind(c2s.bind(), port, c2s.backlog(), List.of(), false, Optional.empty())
                .to(org.apache.pekko.stream.javadsl.Sink.foreach(c -> parent.tell(new Accepted(c))))
                .run(system);
    }

}
