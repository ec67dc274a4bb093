package im.hearth.actors.feature.adhoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.xml.Element;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandFormTest {

    @Test
    void writesTheAdminFormTypeFirstAndRequiredFields() {
        Element x = CommandForm.write("form", "Add a User",
                List.of(CommandForm.field("accountjid", "jid-single", "The Jabber ID", true)));
        assertEquals("form", x.attr("type"));
        List<Element> fields = x.children("field", CommandForm.NAMESPACE);
        assertEquals("FORM_TYPE", fields.get(0).attr("var"));
        assertEquals(CommandForm.ADMIN_FORM_TYPE, fields.get(0).childText("value", CommandForm.NAMESPACE).orElseThrow());
        assertTrue(fields.get(1).child("required", CommandForm.NAMESPACE).isPresent());
    }

    @Test
    void readsASubmissionWithMultipleValues() {
        Element command = Element.builder("command", AdHocCommands.NAMESPACE)
                .child(Element.builder("x", CommandForm.NAMESPACE).attr("type", "submit")
                        .child(Element.builder("field", CommandForm.NAMESPACE).attr("var", "accountjids")
                                .textChild("value", CommandForm.NAMESPACE, "a@localhost")
                                .textChild("value", CommandForm.NAMESPACE, "b@localhost").build())
                        .build())
                .build();
        Map<String, List<String>> values = CommandForm.submitted(command);
        assertEquals(List.of("a@localhost", "b@localhost"), values.get("accountjids"));
        assertEquals("a@localhost", CommandForm.first(values, "accountjids"));
    }

    @Test
    void aFormThatIsNotASubmissionHasNoValues() {
        Element command = Element.builder("command", AdHocCommands.NAMESPACE)
                .child(CommandForm.write("form", null, List.of())).build();
        assertTrue(CommandForm.submitted(command).isEmpty());
    }
}
