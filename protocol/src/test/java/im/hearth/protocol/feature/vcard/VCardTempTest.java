package im.hearth.protocol.feature.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class VCardTempTest {

    @Test
    void photoHashIsTheSha1OfTheDecodedImage() {
        // "hello" in base64, wrapped the way MIME clients wrap it; sha1("hello") is well known.
        String xml = "<vCard xmlns='vcard-temp'><FN>Alice</FN><PHOTO><TYPE>image/png</TYPE>"
                + "<BINVAL>aGVs\n bG8=</BINVAL></PHOTO></vCard>";
        assertEquals(new VCardTemp.Photo.Hash("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"),
                VCardTemp.photo(XmlReader.parse(xml)));
    }

    @Test
    void noPhotoAnExternalOneOrAnEmptyOneHasNoHash() {
        assertInstanceOf(VCardTemp.Photo.None.class, VCardTemp.photo(XmlReader.parse("<vCard xmlns='vcard-temp'/>")));
        assertInstanceOf(VCardTemp.Photo.None.class, VCardTemp.photo(XmlReader.parse(
                "<vCard xmlns='vcard-temp'><PHOTO><EXTVAL>https://example.net/a.png</EXTVAL></PHOTO></vCard>")));
        assertInstanceOf(VCardTemp.Photo.None.class, VCardTemp.photo(XmlReader.parse(
                "<vCard xmlns='vcard-temp'><PHOTO><BINVAL> </BINVAL></PHOTO></vCard>")));
    }

    @Test
    void aBinvalThatIsNotBase64IsMalformed() {
        assertInstanceOf(VCardTemp.Photo.Malformed.class, VCardTemp.photo(XmlReader.parse(
                "<vCard xmlns='vcard-temp'><PHOTO><BINVAL>**not base64**</BINVAL></PHOTO></vCard>")));
    }

    @Test
    void vcardRoundTripsThroughItsStoredForm() {
        String xml = "<vCard xmlns='vcard-temp'><FN>Alice &amp; co</FN><N><FAMILY>Liddell</FAMILY></N></vCard>";
        assertEquals(xml, XmlWriter.write(XmlReader.parse(xml)).replace('"', '\''));
    }

    @Test
    void updateElementRoundTrips() {
        for (VCardUpdate u : new VCardUpdate[] {new VCardUpdate("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"),
                new VCardUpdate(""), new VCardUpdate(null)}) {
            assertEquals(u, VCardUpdate.parse(XmlReader.parse(XmlWriter.write(u.toElement()))).orElseThrow());
        }
        assertEquals("<x xmlns='vcard-temp:x:update'><photo>01</photo></x>",
                XmlWriter.write(new VCardUpdate("01").toElement()).replace('"', '\''));
    }
}
