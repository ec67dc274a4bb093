package im.hearth.persistence.projection.archive;

import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One archived message as the index keeps it: whose archive, its place in that user's journal,
 * its XEP-0359 id, when it was archived (microsecond precision, as stored), its direction, the
 * peer's bare JID and resource ({@code ""} for none), and the stanza.
 */
public record ArchiveRow(String user, long seqNr, String stanzaId, Instant at, boolean outgoing, String peer,
                         String peerResource, String stanzaXml) {

    /** The row of one journal event; the peer's resource is read from the stanza's 'to' or 'from'. */
    public static ArchiveRow of(String user, long seqNr, MessageArchived e) {
        boolean outgoing = e.direction() == MessageArchived.Direction.OUTGOING;
        return new ArchiveRow(user, seqNr, e.stanzaId(), e.at().truncatedTo(ChronoUnit.MICROS), outgoing, e.peer(),
                peerResource(e.stanzaXml(), outgoing), e.stanzaXml());
    }

    private static String peerResource(String xml, boolean outgoing) {
        try {
            Element stanza = XmlReader.parse(xml);
            return Optional.ofNullable(stanza.attr(outgoing ? "to" : "from")).flatMap(Jid::tryParse)
                    .map(Jid::resource).orElse("");
        } catch (IllegalArgumentException e) {
            // The entity wrote this XML itself; should it ever not parse, the row stays findable by bare JID.
            return "";
        }
    }

    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    static Instant ofMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
