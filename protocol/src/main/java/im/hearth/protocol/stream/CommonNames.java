package im.hearth.protocol.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;

/**
 * The element and attribute names an ordinary client session sends, taught once to the XML factory's
 * shared name table so that each connection's reader finds them there instead of learning its own.
 *
 * <p>Aalto gives every reader a copy-on-write child of the factory's name table: a reader that only
 * meets names already in the root shares the root's arrays, one that meets a new name copies the
 * table and keeps its own names (measured: about 2.5 KB per idle session, a tenth of its heap). The
 * root is filled here from this fixed document and never from a peer's input (readers of real
 * streams are never closed, see {@link XmlStreamParser}), so no peer can grow it.
 *
 * <p>Names are matched as written, prefix included: the usual {@code stream:} prefix is taught; a
 * client using another prefix costs only its own session the copy, as before.
 */
final class CommonNames {

    private CommonNames() {
    }

    // RFC 6120 (stream, TLS, SASL, bind, errors), RFC 6121 (roster, presence, messages) and the
    // extensions today's clients use at login and in conversation: caps (XEP-0115), disco (0030),
    // stream management (0198), carbons (0280), CSI (0352), ping (0199), blocking (0191), receipts
    // (0184), chat states (0085), markers (0333), stanza and origin ids (0359), delay (0203), hints
    // (0334), MAM with data forms and RSM (0313, 0004, 0059), PEP with avatars and OMEMO (0163,
    // 0084, 0384), vCard (0054, 0153), push (0357), private storage and bookmarks (0049, 0402),
    // HTTP upload (0363), message correction and replies (0308, 0461), OOB (0066), nicknames (0172).
    private static final String DOCUMENT = """
            <stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' \
            to='a' from='b' id='c' version='1.0' xml:lang='en'>\
            <stream:features/><stream:error/><starttls/><proceed/><failure/><text/>\
            <auth mechanism='m'/><challenge/><response/><success/><abort/>\
            <iq id='i' type='set' to='a' from='b'><bind><resource/><jid/></bind><session/></iq>\
            <iq><query ver='v' node='n' queryid='q'><item jid='j' name='n' subscription='s' ask='a' \
            node='n' approved='t'><group/></item><identity category='c' type='t' name='n'/>\
            <feature var='v'/></query></iq>\
            <iq><error type='t' by='b'><service-unavailable/><item-not-found/><feature-not-implemented/>\
            <bad-request/><not-allowed/><forbidden/><conflict/></error></iq>\
            <iq><ping/><enable/><disable/><blocklist/><block><item/></block><unblock/>\
            <vCard><FN/><NICKNAME/><PHOTO><TYPE/><BINVAL/></PHOTO></vCard>\
            <query><x type='submit'><field var='v' type='t' label='l'><value/><option/></field>\
            <title/><instructions/><reported/></x><set><max/><before/><after/><first index='0'/>\
            <last/><count/><index/></set><flip-page/></query><fin complete='true' stable='s'/>\
            <pubsub><publish node='n'><item id='i'><data/><metadata><info id='i' bytes='b' \
            height='h' width='w' type='t' url='u'/></metadata><nick/><list><device id='d' label='l'/>\
            </list><devices/><bundle><spk id='i'/><spks/><ik/><prekeys><pk id='i'/></prekeys>\
            <signedPreKeyPublic signedPreKeyId='s'/><signedPreKeySignature/><identityKey/>\
            <preKeyPublic preKeyId='p'/></bundle><storage><conference name='n' autojoin='a' jid='j'>\
            <nick/><password/></conference></storage><conference/></item></publish>\
            <publish-options/><items node='n' max_items='m'/><retract/><subscribe/><options/>\
            <configure/><event/></pubsub><private/><slot filename='f' size='s' content-type='c'/>\
            <put url='u'/><get url='u'/><header name='n'/></iq>\
            <presence type='t' id='i' to='a' from='b'><show/><status/><priority/>\
            <c hash='h' node='n' ver='v' ext='e'/><x/><delay stamp='s' from='f'/><nick/></presence>\
            <message type='chat' id='i' to='a' from='b' xml:lang='en'><body/><subject/>\
            <thread parent='p'/><active/><composing/><paused/><inactive/><gone/><request/>\
            <received id='i'/><markable/><displayed id='i'/><acknowledged id='i'/>\
            <origin-id id='i'/><stanza-id id='i' by='b'/><delay stamp='s' from='f'/><store/>\
            <no-store/><no-permanent-store/><no-copy/><private/><sent><forwarded><message/>\
            </forwarded></sent><result queryid='q' id='i'/><encryption namespace='n' name='n'/>\
            <encrypted><header sid='s'><key rid='r' prekey='p' kex='k'/><keys jid='j'/><iv/></header>\
            <payload/></encrypted><replace id='i'/><reply to='t' id='i'/><fallback for='f'>\
            <body start='s' end='e'/></fallback><x><url/><desc/></x><reactions id='i'><reaction/>\
            </reactions><openpgp/><html/></message>\
            <enable resume='true' max='m'/><enabled/><resume previd='p' h='h'/><resumed/><r/><a h='h'/>\
            <sm/><csi/><ver/><register/><sub/>\
            </stream:stream>""";

    /** Parses the document with a reader of {@code factory} and closes it, which merges its names into the root. */
    static void teach(InputFactoryImpl factory) {
        AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = factory.createAsyncForByteArray();
        byte[] bytes = DOCUMENT.getBytes(StandardCharsets.UTF_8);
        try {
            reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
            reader.getInputFeeder().endOfInput();
            while (reader.next() != AsyncXMLStreamReader.END_DOCUMENT) {
                // only the names matter
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the built-in name document does not parse", e);
        }
    }
}
