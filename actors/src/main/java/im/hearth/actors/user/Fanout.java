package im.hearth.actors.user;

import im.hearth.actors.feature.push.PushFeature;
import im.hearth.actors.feature.push.PushNotifier;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.push.PushDisabled;
import im.hearth.persistence.event.user.push.PushEnabled;
import im.hearth.protocol.feature.carbons.Carbons;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a message once it is in the journal, besides the delivery itself: carbon copies to
 * the user's other sessions (XEP-0280) and notifications to the app servers of devices that miss
 * it (XEP-0357), with the app servers' answers. The User entity calls it from its send and
 * deliver paths.
 */
final class Fanout {
    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private final UserEntity e;
    /** Empty when the push feature is disabled. */
    private final Optional<PushNotifier> push;

    Fanout(UserEntity e, UserServices services) {
        this.e = e;
        this.push = services.accountFeatures().stream().filter(PushFeature.class::isInstance)
                .map(f -> ((PushFeature) f).notifier()).findFirst();
    }

    /** Section 8: a message one session sent goes, as a sent copy, to the other carbons-enabled sessions. */
    void sent(Element message) {
        if (CarbonCopies.eligible(message)) {
            Set<String> sender = Jid.tryParse(Stanzas.from(message)).map(Jid::resource).map(Set::of).orElse(Set.of());
            CarbonCopies.copy(e.jid.toString(), e.sessions, Carbons.Direction.SENT, message, sender);
        }
    }

    /**
     * Section 7: a message delivered to some resources (none when stored offline) goes, as a
     * received copy, to the other carbons-enabled sessions, except the one of the user that sent it.
     *
     * @param eligible whether the message as it arrived was eligible ({@link CarbonCopies#eligible}),
     *                 decided before its private element was removed
     */
    void received(boolean eligible, Element message, List<String> delivered) {
        if (!eligible) {
            return;
        }
        Set<String> except = new HashSet<>(delivered);
        Jid.tryParse(Stanzas.from(message)).filter(j -> j.bare().equals(e.jid) && j.resource() != null)
                .ifPresent(j -> except.add(j.resource()));
        CarbonCopies.copy(e.jid.toString(), e.sessions, Carbons.Direction.RECEIVED, message, except);
    }

    /**
     * XEP-0357 section 7: an archived message, once delivered to these resources (none when stored
     * offline), is announced to every registered device whose session did not get it live.
     */
    void notifyDevices(UserState st, Element message, List<String> delivered, int waiting) {
        if (push.isEmpty() || st.push().isEmpty()) {
            return;
        }
        Set<String> live = new HashSet<>();
        for (String r : delivered) {
            LiveSession session = e.sessions.get(r);
            if (session != null && !session.hibernated()) {
                live.add(r);
            }
        }
        for (Element iq : push.get().notifications(e.jid.toString(), st.push(), message, live, Math.max(1, waiting))) {
            log.info("push notification for {} to {} (node {})", e.jid, Stanzas.to(iq),
                    iq.elements().get(0).elements().get(0).attr("node"));
            e.route.accept(iq);
        }
    }

    /** The operator's line for each push registration a user's request added or removed. */
    void logRegistrations(List<UserEvent> events) {
        for (UserEvent event : events) {
            if (event instanceof PushEnabled en) {
                log.info("push enabled for {}/{} at {} (node {})", e.jid, en.resource(), en.jid(), en.node());
            } else if (event instanceof PushDisabled d) {
                log.info("push registration of {} at {} (node {}) removed: {}", e.jid, d.jid(),
                        d.node() == null ? "all" : d.node(), d.reason());
            }
        }
    }

    /** Whether this IQ is an app server's answer to one of the notifications. */
    boolean isPushAnswer(Element iq) {
        return push.isPresent() && push.get().answers(iq);
    }

    /** An app server refused a notification for good: its registration is removed (docs/routing.md). */
    ReplyEffect<UserEvent, UserState> onPushAnswer(UserState s, Element iq, ActorRef<Done> replyTo) {
        Optional<PushDisabled> disable = push.orElseThrow().answered(s.push(), iq, Instant.now());
        if (disable.isEmpty()) {
            return e.done(replyTo);
        }
        log.info("push registration of {} at {} (node {}) disabled: {}", e.jid, disable.get().jid(),
                disable.get().node(), disable.get().reason());
        return e.effects().persist(disable.get()).thenReply(replyTo, st -> Done.getInstance());
    }
}
