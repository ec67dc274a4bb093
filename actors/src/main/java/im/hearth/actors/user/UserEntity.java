package im.hearth.actors.user;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.blocking.BlockingRules;
import im.hearth.actors.feature.pep.PepLive;
import im.hearth.actors.routing.DeliveryRules;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.AccountRemoved;
import im.hearth.persistence.event.user.CredentialsChanged;
import im.hearth.persistence.event.user.StoredCredential;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.last.LastLogout;
import im.hearth.persistence.event.user.mam.ArchiveExpired;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One account (key: its bare JID), placed by Cluster Sharding. Its journal holds the account and
 * credentials, every message to or from the user (the archive) and the offline queue (XEP-0160);
 * its memory holds the live sessions with their presence. What its sessions send and what arrives
 * for it go through {@link Delivery} (RFC 6121 8.5 via {@link DeliveryRules}; a message is archived
 * before it is delivered or stored); presence through {@link UserPresence}.
 */
public final class UserEntity
        extends EventSourcedBehaviorWithEnforcedReplies<UserEntity.Command, UserEvent, UserState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "User");
    private static final Duration IDLE_PASSIVATION = Duration.ofMinutes(2);

    public interface Command {
    }

    public record CreateAccount(List<StoredCredential> credentials, ActorRef<Result> replyTo) implements Command {
    }

    public record ChangeCredentials(List<StoredCredential> credentials, ActorRef<Result> replyTo) implements Command {
    }

    /** Removes the account (a tombstone event); its live sessions are closed. */
    public record RemoveAccount(String reason, ActorRef<Result> replyTo) implements Command {
    }

    public record GetCredentials(ActorRef<Credentials> replyTo) implements Command {
    }

    /** Binds a resource (RFC 6120 7); a null resource asks the server to choose one. */
    public record BindResource(String resource, ActorRef<SessionMessage> session, ActorRef<BindResult> replyTo)
            implements Command {
    }

    public record Unbind(String resource, ActorRef<SessionMessage> session, ActorRef<Done> replyTo) implements Command {
    }

    /** Presence from one of the user's sessions without a 'to' (RFC 6121 4.2, 4.4, 4.5). */
    public record UpdatePresence(String resource, Element presence, ActorRef<Done> replyTo) implements Command {
    }

    /** An IQ from one of the user's sessions to the account itself or without 'to' (RFC 6120 10.3.3). */
    public record AccountIq(String resource, Element iq, ActorRef<Done> replyTo) implements Command {
    }

    /**
     * A message the user sends: routed at once and archived in this journal; Done once it is in the
     * journal. Should the write fail, the recipient may have it unacknowledged: the client sends it
     * again, as XEP-0198 resends anything unacknowledged (at least once, never lost).
     */
    public record Send(Element stanza, ActorRef<Done> replyTo) implements Command {
    }

    /** A stanza addressed to this account. Done once it is in the journal (or needed no journal). */
    public record Deliver(Element stanza, ActorRef<Done> replyTo) implements Command {
    }

    /**
     * A bound session's stream was cut and it now waits to be resumed (XEP-0198 hibernation), or
     * it was resumed. It stays bound either way; the entity only notes it (push notifications
     * are sent for what a hibernated session would miss).
     */
    public record SessionHibernated(String resource, ActorRef<SessionMessage> session, boolean hibernated)
            implements Command {
    }

    /**
     * The serialized stanzas a stream-management session (XEP-0198) never saw acknowledged, as it
     * ends: its archived messages go to offline storage (each id once). Done once they are in the journal.
     */
    public record StoreUnacked(List<String> stanzas, ActorRef<Done> replyTo) implements Command {
        }

        /**
     * The retention sweep expires the messages archived before {@code before}: the entity persists
     * the {@link ArchiveExpired} marker and answers with its sequence number; the sweep then deletes
     * the older archive events below it.
     */
    public record ExpireArchive(Instant before, ActorRef<Long> replyTo) implements Command {
    }

    /** What an operator may ask about an account (the CLI, XEP-0133 user statistics). */
    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    public record Stats(boolean exists, int offlineMessages, int sessions) {
    }

    /** The roster as the user sees it (RFC 6121 2.1.4), for operators (XEP-0133 get-user-roster). */
    public record GetRoster(ActorRef<RosterItems> replyTo) implements Command {
    }

    public record RosterItems(boolean exists, List<im.hearth.protocol.feature.roster.RosterItem> items) {
        public RosterItems {
            items = List.copyOf(items);
        }
    }

    private record SessionGone(String resource, ActorRef<SessionMessage> session) implements Command {
    }

    private enum Idle implements Command { INSTANCE }

    public enum Result { DONE, ALREADY_EXISTS, NO_SUCH_ACCOUNT }

    public record Credentials(boolean exists, List<StoredCredential> credentials) {
        public Optional<StoredCredential> forMechanism(String mechanism) {
            return credentials.stream().filter(c -> c.mechanism().equals(mechanism)).findFirst();
        }
    }

    public sealed interface BindResult {
        record Bound(String resource) implements BindResult {
        }

        record Refused(String reason) implements BindResult {
        }
    }

    private final ActorContext<Command> context;
    private final EntityContext<Command> entityContext;
    final BareJid jid;
    final Consumer<Element> route;
    final Function<Element, Optional<Element>> serverIq;
    final Map<String, AccountFeature> accountFeatures; // by payload namespace, shared by all entities
    final Map<String, LiveSession> sessions = new LinkedHashMap<>();
    final PepLive pep;
    final UserPresence presence;
    final Fanout fanout;
    private final Delivery delivery;

    /**
     * @param route sends a stanza on (in production {@code Router::route}); where this account's
     *              messages, bounces and replies leave the entity
     */
    public static Behavior<Command> create(EntityContext<Command> entityContext, Consumer<Element> route) {
        return create(entityContext, UserServices.routingOnly(route));
    }

    public static Behavior<Command> create(EntityContext<Command> entityContext, UserServices services) {
        return Behaviors.setup(ctx -> new UserEntity(ctx, entityContext, services));
    }

    private UserEntity(ActorContext<Command> context, EntityContext<Command> entityContext, UserServices services) {
        super(PersistenceId.of(TYPE_KEY.name(), entityContext.getEntityId(), "|"));
        this.context = context;
        this.entityContext = entityContext;
        this.jid = BareJid.parse(entityContext.getEntityId());
        this.route = services.route();
        this.serverIq = services.serverIq();
        this.accountFeatures = services.byNamespace();
        this.pep = PepLive.of(services.accountFeatures(), jid);
        this.presence = new UserPresence(this);
        this.fanout = new Fanout(this, services);
        this.delivery = new Delivery(this);
        context.setReceiveTimeout(IDLE_PASSIVATION, Idle.INSTANCE);
    }

    @Override
    public UserState emptyState() {
        return UserState.EMPTY;
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(1000, 2);
    }

    @Override
    public EventHandler<UserState, UserEvent> eventHandler() {
        return UserState::apply;
    }

    /**
     * One handler per entity, dispatching on the command's type, most frequent first. Pekko's
     * handler builder keeps a list of about 60 case objects per entity (some 2 KB for every user
     * online) and walks it with a class check per case on every command.
     */
    @Override
    public CommandHandlerWithReply<Command, UserEvent, UserState> commandHandler() {
        return this::onCommand;
    }

    private ReplyEffect<UserEvent, UserState> onCommand(UserState s, Command command) {
        if (command instanceof Deliver c) {
            return delivery.onDeliver(s, c);
        } else if (command instanceof Send c) {
            return delivery.onSend(s, c);
        } else if (command instanceof UpdatePresence c) {
            return presence.onOwn(s, c);
        } else if (command instanceof AccountIq c) {
            return presence.onAccountIq(s, c);
        } else if (command instanceof BindResource c) {
            return onBind(s, c);
        } else if (command instanceof GetCredentials c) {
            return Effect().reply(c.replyTo(), new Credentials(s.exists(), s.credentials()));
        } else if (command instanceof Unbind c) {
            Optional<UserEvent> logout = removeSession(s, c.resource(), c.session());
            return logout.isEmpty() ? done(c.replyTo())
                    : Effect().persist(logout.get()).thenReply(c.replyTo(), st -> Done.getInstance());
        } else if (command instanceof SessionGone c) {
            Optional<UserEvent> logout = removeSession(s, c.resource(), c.session());
            return logout.isEmpty() ? Effect().noReply() : Effect().persist(logout.get()).thenNoReply();
        } else if (command instanceof SessionHibernated c) {
            LiveSession live = sessions.get(c.resource());
            if (live != null && live.ref().equals(c.session())) {
                sessions.put(c.resource(), live.withHibernated(c.hibernated()));
            }
            return Effect().noReply();
        } else if (command instanceof StoreUnacked c) {
            List<UserEvent> offline = UnackedHandover.toOffline(s, jid.toString(), c.stanzas(), Instant.now());
            return offline.isEmpty() ? done(c.replyTo())
                    : Effect().persist(offline).thenReply(c.replyTo(), st -> Done.getInstance());
        } else if (command instanceof Idle) {
            if (sessions.isEmpty()) {
                entityContext.getShard().tell(new ClusterSharding.Passivate<>(context.getSelf()));
            }
            return Effect().noReply();
        } else if (command instanceof CreateAccount c) {
            return onCreate(s, c);
        } else if (command instanceof ChangeCredentials c) {
            return onChangeCredentials(s, c);
        } else if (command instanceof RemoveAccount c) {
            return onRemove(s, c);
        } else if (command instanceof GetStats c) {
            return Effect().reply(c.replyTo(), new Stats(s.exists(), s.offline().size(), sessions.size()));
        } else if (command instanceof GetRoster c) {
            return Effect().reply(c.replyTo(), new RosterItems(s.exists(),
                    s.roster().listed().stream().map(im.hearth.actors.feature.roster.Roster.Item::toRosterItem).toList()));
        } else if (command instanceof ExpireArchive c) {
            return Effect().persist(new ArchiveExpired(c.before(), Instant.now()))
                    .thenReply(c.replyTo(), st -> lastSequenceNumber(context));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private ReplyEffect<UserEvent, UserState> onCreate(UserState s, CreateAccount c) {
        if (s.exists()) {
            return Effect().reply(c.replyTo(), Result.ALREADY_EXISTS);
        }
        return Effect().persist(new AccountCreated(jid.toString(), c.credentials(), Instant.now()))
                .thenReply(c.replyTo(), st -> Result.DONE);
    }

    private ReplyEffect<UserEvent, UserState> onChangeCredentials(UserState s, ChangeCredentials c) {
        if (!s.exists()) {
            return Effect().reply(c.replyTo(), Result.NO_SUCH_ACCOUNT);
        }
        return Effect().persist(new CredentialsChanged(c.credentials(), Instant.now()))
                .thenReply(c.replyTo(), st -> Result.DONE);
    }

    private ReplyEffect<UserEvent, UserState> onRemove(UserState s, RemoveAccount c) {
        if (!s.exists()) {
            return Effect().reply(c.replyTo(), Result.NO_SUCH_ACCOUNT);
        }
        return Effect().persist(new AccountRemoved(c.reason(), Instant.now()))
                .thenRun(st -> {
                    // Forget the sessions without presence broadcasts: the roster they would go to is gone.
                    sessions.values().forEach(live -> {
                        context.unwatch(live.ref());
                        live.ref().tell(new SessionMessage.AccountRemoved());
                    });
                    sessions.clear();
                    context.setReceiveTimeout(IDLE_PASSIVATION, Idle.INSTANCE);
                })
                .thenReply(c.replyTo(), st -> Result.DONE);
    }

    private ReplyEffect<UserEvent, UserState> onBind(UserState s, BindResource c) {
        if (!s.exists()) {
            return Effect().reply(c.replyTo(), new BindResult.Refused("no such account"));
        }
        String resource = c.resource() != null ? c.resource() : StanzaIds.resource();
        LiveSession old = sessions.get(resource);
        if (old != null && !old.ref().equals(c.session())) {
            // RFC 6120 7.7.2.2: the older session with this resource is terminated.
            old.ref().tell(new SessionMessage.Replaced());
            context.unwatch(old.ref());
        }
        sessions.put(resource, LiveSession.bound(c.session()));
        context.watchWith(c.session(), new SessionGone(resource, c.session()));
        context.cancelReceiveTimeout();
        return Effect().reply(c.replyTo(), new BindResult.Bound(resource));
    }

    /** Forgets the session; returns the XEP-0012 logout to record when it was the last available one. */
    private Optional<UserEvent> removeSession(UserState s, String resource, ActorRef<SessionMessage> ref) {
        Optional<UserEvent> logout = Optional.empty();
        LiveSession live = sessions.get(resource);
        if (live != null && live.ref().equals(ref)) {
            sessions.remove(resource);
            pep.forget(jid + "/" + resource);
            context.unwatch(ref);
            if (live.available()) {
                // RFC 6121 4.5.2 and 4.6.3: a session that ends without unavailable presence is
                // taken offline by the server, towards the other resources, subscribers and
                // everyone it sent directed presence to.
                Element unavailable = Element.builder("presence", im.hearth.protocol.xml.Namespaces.CLIENT)
                        .attr("from", jid + "/" + resource).attr("type", "unavailable").build();
                broadcastToOwnResources(unavailable, resource);
                im.hearth.actors.feature.presence.PresenceRules.broadcast(s.roster(), unavailable, live.directed())
                        .forEach(p -> routePresence(s, p));
                if (s.exists() && !anyAvailable()) {
                    logout = Optional.of(lastLogout(unavailable));
                }
            }
        }
        if (sessions.isEmpty()) {
            context.setReceiveTimeout(IDLE_PASSIVATION, Idle.INSTANCE);
        }
        return logout;
    }

    boolean anyAvailable() {
        return sessions.values().stream().anyMatch(LiveSession::available);
    }

    /** XEP-0012 section 4: now, with the status of the unavailable presence the user left with. */
    LastLogout lastLogout(Element unavailable) {
        return new LastLogout(Instant.now(),
                unavailable.childText("status", im.hearth.protocol.xml.Namespaces.CLIENT).orElse(null));
    }

    void broadcastToOwnResources(Element presence, String fromResource) {
        for (Map.Entry<String, LiveSession> e : sessions.entrySet()) {
            if (!e.getKey().equals(fromResource) && e.getValue().available()) {
                e.getValue().ref().tell(new SessionMessage.Stanza(presence.withAttr("to", jid + "/" + e.getKey())));
            }
        }
    }

    /**
     * XEP-0191, the one place where the blocklist acts on stanzas: true when this stanza, from
     * someone else to the user, is stopped (dropped, or answered with an error routed back).
     */
    boolean blockedInbound(UserState s, Element stanza) {
        BlockingRules.Verdict v = BlockingRules.inbound(s.blocklist(), jid, stanza);
        if (v instanceof BlockingRules.Verdict.Refuse r) {
            route.accept(r.error());
        }
        return !(v instanceof BlockingRules.Verdict.Pass);
    }

    /**
     * True when this stanza, sent by one of the user's sessions, is to a blocked JID: it goes
     * nowhere and the sending session gets the blocked error, directly (routed, it would come back
     * from the blocked JID and be dropped on the way in).
     */
    boolean blockedOutbound(UserState s, Element stanza) {
        BlockingRules.Verdict v = BlockingRules.outbound(s.blocklist(), jid, stanza);
        if (v instanceof BlockingRules.Verdict.Refuse r) {
            Jid.tryParse(Stanzas.from(stanza)).map(Jid::resource).map(sessions::get)
                    .ifPresent(live -> live.tell(r.error()));
        }
        return !(v instanceof BlockingRules.Verdict.Pass);
    }

    /** Presence the server sends on the user's behalf (broadcasts, probes): never to a blocked JID (3.3). */
    void routePresence(UserState s, Element presence) {
        if (!s.blocklist().blocks(Stanzas.to(presence))) {
            route.accept(presence);
        }
    }

    /** The sequence number of the newest event in this journal: what a read side must reach to be current. */
    long journalSeqNr() {
        return lastSequenceNumber(context);
    }

    ReplyEffect<UserEvent, UserState> done(ActorRef<Done> replyTo) {
        return Effect().reply(replyTo, Done.getInstance());
    }

    org.apache.pekko.persistence.typed.javadsl.EffectFactories<UserEvent, UserState> effects() {
        return Effect();
    }
}
