package im.hearth.actors.user;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.stream.XmlReader;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Offline messages (XEP-0160) as they are handed out: with the XEP-0203 delay stamp of when they were stored. */
final class Offline {

    private Offline() {
    }

    static Element withDelay(UserState.OfflineMessage m, String domain) {
        Element stanza = XmlReader.parse(m.stanzaXml());
        return stanza.withChild(Element.builder("delay", Namespaces.DELAY)
                .attr("from", domain)
                .attr("stamp", DateTimeFormatter.ISO_INSTANT.format(m.at().truncatedTo(ChronoUnit.MILLIS)))
                .text("Offline Storage")
                .build());
    }
}
