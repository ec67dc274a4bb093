package im.hearth.actors.user;

import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stanzas a stream-management session (XEP-0198) sent but never saw acknowledged, handed back
 * when the session ends without being resumed: the archived messages among them (those with this
 * account's XEP-0359 stanza-id) go to offline storage so the next session gets them. A message
 * whose id is already waiting offline is skipped, so a repeated hand-over stores nothing twice.
 */
final class UnackedHandover {

    private UnackedHandover() {
    }

    static List<UserEvent> toOffline(UserState state, String account, List<String> unacked, Instant now) {
        Set<String> known = new HashSet<>();
        state.offline().forEach(m -> known.add(m.stanzaId()));
        List<UserEvent> events = new ArrayList<>();
        for (String xml : unacked) {
            Element stanza;
            try {
                stanza = XmlReader.parse(xml);
            } catch (RuntimeException e) {
                continue; // written by this server; never expected, and nothing a user could lose
            }
            Optional<String> id = stanzaId(stanza, account);
            if (id.isPresent() && state.exists() && known.add(id.get())) {
                events.add(new StoredOffline(id.get(), now, xml));
            }
        }
        return events;
    }

    static Optional<String> stanzaId(Element stanza, String account) {
        return stanza.children("stanza-id", Namespaces.STANZA_ID).stream()
                .filter(e -> account.equals(e.attr("by"))).map(e -> e.attr("id")).findFirst();
    }
}
