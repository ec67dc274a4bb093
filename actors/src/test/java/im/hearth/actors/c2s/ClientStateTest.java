package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an inactive client (XEP-0352) is spared for now, and what it gets at once. */
class ClientStateTest {

    private static Optional<String> key(String xml) {
        return ClientState.holdKey(XmlReader.parse(xml));
    }

    @Test
    void presenceUpdatesWaitPerSender() {
        assertEquals(Optional.of("presence bob@x/a"), key("<presence xmlns='jabber:client' from='bob@x/a'><show>away</show></presence>"));
        assertEquals(Optional.of("presence bob@x/a"), key("<presence xmlns='jabber:client' from='bob@x/a' type='unavailable'/>"));
    }

    @Test
    void subscriptionRequestsAndErrorsDoNotWait() {
        assertTrue(key("<presence xmlns='jabber:client' from='bob@x' type='subscribe'/>").isEmpty());
        assertTrue(key("<presence xmlns='jabber:client' from='bob@x' type='error'/>").isEmpty());
    }

    @Test
    void chatStatesWaitButMessagesWithABodyOrEncryptedContentDoNot() {
        assertEquals(Optional.of("chat state bob@x/a"), key("<message xmlns='jabber:client' from='bob@x/a' type='chat'>"
                + "<composing xmlns='http://jabber.org/protocol/chatstates'/><no-store xmlns='urn:xmpp:hints'/></message>"));
        assertTrue(key("<message xmlns='jabber:client' from='bob@x/a' type='chat'><body>hi</body>"
                + "<active xmlns='http://jabber.org/protocol/chatstates'/></message>").isEmpty());
        assertTrue(key("<message xmlns='jabber:client' from='bob@x/a' type='chat'>"
                + "<encrypted xmlns='eu.siacs.conversations.axolotl'/>"
                + "<active xmlns='http://jabber.org/protocol/chatstates'/></message>").isEmpty());
        assertTrue(key("<message xmlns='jabber:client' from='bob@x/a'><received xmlns='urn:xmpp:receipts' id='1'/></message>")
                .isEmpty(), "only what is known to be unimportant waits");
    }

    @Test
    void iqsNeverWait() {
        assertTrue(key("<iq xmlns='jabber:client' from='x' type='result' id='1'/>").isEmpty());
    }
}
