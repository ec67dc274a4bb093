package im.hearth.actors.feature.push;

import im.hearth.persistence.event.user.push.PushDisabled;
import im.hearth.protocol.feature.push.PushPayload;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * XEP-0357 section 7 for one User entity: the notifications for a message that registered devices
 * miss, and what an app server's answer means. It remembers the notifications awaiting an answer
 * (in memory, the newest {@value #MAX_PENDING}), so only an answer from the registered app server
 * to an id it was sent counts. An error of type cancel or auth disables that registration, as
 * Prosody's mod_cloud_notify does; wait and modify errors (a busy or picky app server) leave it.
 */
public final class PushNotifier {
    static final int MAX_PENDING = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PushSettings settings;
    private final Map<String, PushRegistrations.Registration> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PushRegistrations.Registration> eldest) {
            return size() > MAX_PENDING;
        }
    };

    PushNotifier(PushSettings settings) {
        this.settings = settings;
    }

    /**
     * The notification IQs for a message the account accepted, one per registration whose device
     * did not get it live (its session gone, hibernated, or not among the recipients).
     *
     * @param account      the user's bare JID (the notifications come from it)
     * @param reachedLive  resources whose connected (not hibernated) sessions got the message
     * @param messageCount how many messages wait for the device (the offline queue, or 1)
     */
    public List<Element> notifications(String account, PushRegistrations registrations, Element message,
                                       Set<String> reachedLive, int messageCount) {
        List<Element> out = new ArrayList<>();
        for (PushRegistrations.Registration r : registrations.registrations()) {
            if (reachedLive.contains(r.resource())) {
                continue;
            }
            String id = "push-" + HexFormat.of().formatHex(randomBytes());
            PushPayload.Summary summary = new PushPayload.Summary(messageCount,
                    settings.withSender() ? Stanzas.from(message) : null,
                    settings.withBody() ? message.childText("body", message.namespace()).orElse(null) : null);
            out.add(PushPayload.notification(account, r.jid(), id, r.node(), summary, r.publishOptionsForm()));
            pending.put(id, r);
        }
        return out;
    }

    /** Whether an IQ result or error answers a notification this notifier sent, from the app server it went to. */
    public boolean answers(Element iq) {
        String type = Stanzas.type(iq);
        if (!"result".equals(type) && !"error".equals(type)) {
            return false;
        }
        PushRegistrations.Registration r = pending.get(Stanzas.id(iq));
        return r != null && Jid.tryParse(Stanzas.from(iq)).map(j -> j.toString().equals(r.jid())).orElse(false);
    }

    /**
     * Takes an answer for which {@link #answers} holds: the registration to remove when the app
     * server refused the notification for good, and only if it is still registered.
     */
    public Optional<PushDisabled> answered(PushRegistrations registrations, Element iq, Instant now) {
        PushRegistrations.Registration r = pending.remove(Stanzas.id(iq));
        if (r == null || !"error".equals(Stanzas.type(iq)) || !registrations.any(r.jid(), r.node())) {
            return Optional.empty();
        }
        Optional<Element> error = iq.child("error", iq.namespace());
        String type = error.map(e -> e.attr("type")).orElse("cancel");
        if (!"cancel".equals(type) && !"auth".equals(type)) {
            return Optional.empty();
        }
        String condition = error.flatMap(e -> e.firstChild(Namespaces.STANZA_ERRORS))
                .map(Element::name).orElse("undefined-condition");
        return Optional.of(new PushDisabled(r.jid(), r.node(), "app-server-error: " + condition, now));
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
