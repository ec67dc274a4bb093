package im.hearth.actors.routing;

import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.user.UserEntity;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of DESIGN.md's path of a message: picks the destination of a stamped stanza. A local
 * account goes to its User entity (wherever sharding placed it), a hosted domain itself to the
 * server's own handlers, and anything else to a remote domain, which needs federation (not yet
 * built: the sender gets remote-server-not-found).
 */
public final class Router {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final HearthSettings settings;
    private final ClusterSharding sharding;
    private final ActorSystem<?> system;
    private final Function<Element, Optional<Element>> serverHandler;

    /**
     * @param serverHandler answers stanzas addressed to a hosted domain itself (the feature
     *                      catalogue): the reply to route back, if any
     */
    public Router(HearthSettings settings, ActorSystem<?> system, Function<Element, Optional<Element>> serverHandler) {
        this.settings = settings;
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.serverHandler = serverHandler;
    }

    public EntityRef<UserEntity.Command> user(String bareJid) {
        return sharding.entityRefFor(UserEntity.TYPE_KEY, bareJid);
    }

    /** The server's own answer to a stanza addressed to it (or, for an IQ, to no one), if any. */
    public Optional<Element> answerAsServer(Element stanza) {
        return serverHandler.apply(stanza);
    }

    /** Sends a stanza on; it must have 'from' stamped and a valid 'to'. */
    public void route(Element stanza) {
        Optional<Jid> to = Jid.tryParse(Stanzas.to(stanza));
        if (to.isEmpty()) {
            bounce(stanza, StanzaErrorCondition.JID_MALFORMED);
            return;
        }
        Jid jid = to.get();
        if (!settings.hosts(jid.domain())) {
            bounce(stanza, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
            return;
        }
        if (jid.local() == null) {
            serverHandler.apply(stanza).ifPresent(this::route);
            return;
        }
        user(jid.bare().toString()).tell(new UserEntity.Deliver(stanza, system.ignoreRef()));
    }

    private void bounce(Element stanza, StanzaErrorCondition condition) {
        if ("error".equals(Stanzas.type(stanza)) || Stanzas.from(stanza) == null) {
            log.debug("dropped undeliverable error stanza to {}", Stanzas.to(stanza));
            return;
        }
        route(Stanzas.errorReply(stanza, StanzaError.of(condition)));
    }
}
