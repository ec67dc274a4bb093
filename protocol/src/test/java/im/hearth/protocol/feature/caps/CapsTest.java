package im.hearth.protocol.feature.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verification string against the examples of XEP-0115 sections 5.2 and 5.3. */
class CapsTest {
    private static final List<String> FEATURES = List.of("http://jabber.org/protocol/disco#items",
            "http://jabber.org/protocol/caps", "http://jabber.org/protocol/muc", "http://jabber.org/protocol/disco#info");

    @Test
    void simpleGenerationExampleOfSection5_2() {
        DiscoInfo info = new DiscoInfo(null, List.of(new DiscoInfo.Identity("client", "pc", "Exodus 0.9.1")), FEATURES);
        assertEquals("client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
                + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<", Caps.verificationString(info));
        assertEquals("QgayPKawpkPSDYmwT/WM94uAlu0=", Caps.ver(info));
    }

    @Test
    void complexGenerationExampleOfSection5_3FromTheWire() {
        // The disco#info result of example 4 in section 5.3, as Psi sends it.
        DiscoInfo info = DiscoInfo.parse(XmlReader.parse("<query xmlns='http://jabber.org/protocol/disco#info'"
                + " node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
                + "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
                + "<identity xml:lang='el' category='client' name='\u03a8 0.11' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/caps'/><feature var='http://jabber.org/protocol/disco#info'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/><feature var='http://jabber.org/protocol/muc'/>"
                + "<x xmlns='jabber:x:data' type='result'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
                + "<field var='ip_version' type='text-multi'><value>ipv4</value><value>ipv6</value></field>"
                + "<field var='os'><value>Mac</value></field><field var='os_version'><value>10.5.1</value></field>"
                + "<field var='software'><value>Psi</value></field>"
                + "<field var='software_version'><value>0.11</value></field></x></query>"));
        assertEquals("client/pc/el/\u03a8 0.11<client/pc/en/Psi 0.11<http://jabber.org/protocol/caps<"
                + "http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<"
                + "http://jabber.org/protocol/muc<urn:xmpp:dataforms:softwareinfo<ip_version<ipv4<ipv6<os<Mac<"
                + "os_version<10.5.1<software<Psi<software_version<0.11<", Caps.verificationString(info));
        assertEquals("q07IKJEyjvHSyhy//CH0CxmKi8w=", Caps.ver(info));
    }

    @Test
    void formsAreOrderedByFormTypeAndFieldsByVar() {
        DiscoInfo a = new DiscoInfo(null, List.of(new DiscoInfo.Identity("server", "im", "Hearth")), List.of("b", "a"),
                List.of(DataForm.result("urn:z", List.of(new DataForm.Field("y", null, List.of("2")),
                                new DataForm.Field("x", null, List.of("1")))),
                        DataForm.result("urn:a", List.of())));
        assertEquals("server/im//Hearth<a<b<urn:a<urn:z<x<1<y<2<", Caps.verificationString(a));
    }

    @Test
    void elementRoundTrips() {
        Caps c = new Caps("sha-1", "https://hearth.im", "QgayPKawpkPSDYmwT/WM94uAlu0=");
        String xml = XmlWriter.write(c.toElement()).replace('"', '\'');
        assertEquals("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://hearth.im'"
                + " ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>", xml);
        assertEquals(c, Caps.parse(XmlReader.parse(xml)));
    }
}
