package im.hearth.protocol.feature.dataforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFormTest {

    @Test
    void formWithEveryFieldPartRoundTripsThroughXml() {
        DataForm form = new DataForm("form", "Add a user", List.of("Fill in the form."), List.of(
                DataForm.Field.hidden(DataForm.FORM_TYPE, "http://jabber.org/protocol/admin"),
                new DataForm.Field("accountjid", "jid-single", "The Jabber ID", List.of(), true, "whom to add", List.of()),
                new DataForm.Field("features", "list-multi", "Features", List.of("a", "b"), false, null,
                        List.of(new DataForm.Option("A", "a"), new DataForm.Option(null, "b")))));
        String xml = XmlWriter.write(form.toElement()).replace('"', '\'');
        assertEquals("<x xmlns='jabber:x:data' type='form'><title>Add a user</title>"
                + "<instructions>Fill in the form.</instructions>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/admin</value></field>"
                + "<field var='accountjid' type='jid-single' label='The Jabber ID'><desc>whom to add</desc><required/></field>"
                + "<field var='features' type='list-multi' label='Features'><value>a</value><value>b</value>"
                + "<option label='A'><value>a</value></option><option><value>b</value></option></field></x>", xml);
        DataForm back = DataForm.parse(XmlReader.parse(xml)).orElseThrow();
        assertEquals(form, back);
        assertEquals("http://jabber.org/protocol/admin", back.formType().orElseThrow());
        assertEquals(List.of("a", "b"), back.field("features").orElseThrow().values());
    }

    @Test
    void resultFormStartsWithItsFormType() {
        DataForm form = DataForm.result("http://jabber.org/network/serverinfo",
                List.of(new DataForm.Field("abuse-addresses", "list-multi", List.of("mailto:abuse@example.org"))));
        assertEquals("FORM_TYPE", form.fields().get(0).var());
        assertEquals(form, DataForm.parse(form.toElement()).orElseThrow());
    }

    @Test
    void somethingElseIsNotAForm() {
        assertTrue(DataForm.parse(XmlReader.parse("<x xmlns='jabber:x:oob' type='form'/>")).isEmpty());
        assertTrue(DataForm.parse(XmlReader.parse("<x xmlns='jabber:x:data'/>")).isEmpty());
    }
}
