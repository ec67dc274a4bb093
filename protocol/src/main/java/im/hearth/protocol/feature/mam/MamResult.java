package im.hearth.protocol.feature.mam;

import im.hearth.protocol.feature.rsm.ResultSet;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Instant;

/**
 * What the archive sends back (XEP-0313 section 4.2): one message per archived stanza, with a
 * {@code <result/>} holding it in an XEP-0297 {@code <forwarded/>} with an XEP-0203 delay of when it
 * was archived; then the IQ result carries {@code <fin/>} with the page's XEP-0059 answer.
 */
public final class MamResult {
    public static final String FORWARD = "urn:xmpp:forward:0";

    private MamResult() {
    }

    /** The message that carries one archived stanza to the session that asked. */
    public static Element message(String to, String queryId, String archiveId, Instant archivedAt, Element stanza) {
        Element forwarded = Element.builder("forwarded", FORWARD)
                .child(Element.builder("delay", Namespaces.DELAY).attr("stamp", archivedAt.toString()).build())
                .child(stanza)
                .build();
        Element result = Element.builder("result", MamQuery.NAMESPACE).attr("queryid", queryId).attr("id", archiveId)
                .child(forwarded).build();
        return Element.builder("message", Namespaces.CLIENT).attr("to", to).child(result).build();
    }

    /** {@code <fin complete='…'>} with first, last and count of the page (an empty page has neither first nor last). */
    public static Element fin(boolean complete, ResultSet answer) {
        Element.Builder b = Element.builder("fin", MamQuery.NAMESPACE);
        if (complete) {
            b.attr("complete", "true");
        }
        return b.child(answer.toElement()).build();
    }
}
