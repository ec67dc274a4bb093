package im.hearth.actors.user;

import im.hearth.actors.routing.DeliveryRules;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.MessageArchived.Direction;
import im.hearth.protocol.feature.carbons.Carbons;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The pure per-message work the User entity does around {@link DeliveryRules#decide} when a chat
 * message arrives for the bare JID (the archived branch of {@code Delivery.onDeliver}), up to the
 * {@link MessageArchived} event it persists: XEP-0359 stanza-id generation, stamping it on the
 * message and writing the stanza for the journal, and the whole path end to end. It sits in the
 * entity's package because {@link Archive} and {@link StanzaIds} are package-private there; the
 * journal write and the hand-off to sessions are not part of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Eight: pinned to one core (the JIT shares it), these still got faster after six 1 s iterations.
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UserDeliveryBenchmark {
    static final String ACCOUNT = "bob@example.net";

    Element message;
    UserState state;
    /** Three bound resources as the entity keeps them (sessions are never told anything here, so no refs). */
    Map<String, LiveSession> sessions;

    @Setup
    public void setUp() {
        message = Element.builder("message", Namespaces.CLIENT)
                .attr("to", ACCOUNT).attr("from", "alice@example.net/laptop")
                .attr("type", "chat").attr("id", "m-1234")
                .textChild("body", Namespaces.CLIENT, "Hello Bob, are we still on for dinner <tonight> & tomorrow?")
                .child(Element.of("active", "http://jabber.org/protocol/chatstates"))
                .build();
        UserState e = UserState.EMPTY;
        state = new UserState(true, e.credentials(), e.offline(), e.roster(), e.vcards(), e.privateXml(),
                e.blocklist(), e.lastSeen(), e.push(), e.pep(), e.archivePrefs());
        sessions = new LinkedHashMap<>();
        sessions.put("laptop", LiveSession.bound(null).withPresence(true, 5, null));
        sessions.put("phone", LiveSession.bound(null).withPresence(true, 1, null));
        sessions.put("tablet", LiveSession.bound(null));
        MessageArchived event = incomingChat();
        if (!event.stanzaXml().contains("stanza-id")) {
            throw new IllegalStateException("not archived: " + event);
        }
    }

    /** A time-ordered archive id: {@code String.format} of the clock and five bytes of SecureRandom. */
    @Benchmark
    public String stanzaId() {
        return StanzaIds.next();
    }

    /** {@code Archive.withStanzaId} then {@code Archive.xml}: the journal's copy of the stanza. */
    @Benchmark
    public String stampAndWrite() {
        return Archive.xml(Archive.withStanzaId(message, "0018f2c3a4b5c6d7e8f9a0b", ACCOUNT));
    }

    /**
     * From the arriving element to the event to persist, as {@code Delivery.onDeliver} does it for a
     * message to the bare JID (the blocklist, presence and IQ branches it passes first are left out).
     */
    @Benchmark
    public MessageArchived incomingChat() {
        StanzaKind kind = Stanzas.kind(message);
        boolean copy = CarbonCopies.eligible(message);
        Element stanza = Carbons.withoutServerElements(message);
        Jid to = Jid.parse(Stanzas.to(stanza));
        List<DeliveryRules.Resource> resources = new ArrayList<>();
        sessions.forEach((name, live) -> resources.add(new DeliveryRules.Resource(name, live.available(), live.priority())));
        DeliveryRules.Decision decision = DeliveryRules.decide(kind, Stanzas.type(stanza), to.resource(), state.exists(), resources);
        String from = Jid.tryParse(Stanzas.from(stanza)).map(j -> j.bare().toString()).orElse("");
        if (!copy || !(decision instanceof DeliveryRules.Decision.DeliverTo)
                || !Archive.archivable(stanza) || !Archive.wantedByPrefs(state, from)) {
            throw new IllegalStateException("the benchmark's message took another branch: " + decision);
        }
        String id = StanzaIds.next();
        Element stamped = Archive.withStanzaId(stanza, id, ACCOUNT);
        return new MessageArchived(id, Instant.now(), Direction.INCOMING, from, Archive.xml(stamped));
    }
}
