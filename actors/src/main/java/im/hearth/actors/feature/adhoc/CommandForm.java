package im.hearth.actors.feature.adhoc;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.dataforms.DataForm.Field;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The XEP-0133 conventions on top of the shared XEP-0004 codec ({@link DataForm}): forms and
 * results carry the admin FORM_TYPE first; a submission is read as var → values.
 */
final class CommandForm {
    static final String NAMESPACE = DataForm.NAMESPACE;
    static final String ADMIN_FORM_TYPE = "http://jabber.org/protocol/admin";

    private CommandForm() {
    }

    /** A field the admin fills in. */
    static Field field(String var, String type, String label, boolean required) {
        return new Field(var, type, label, List.of(), required, null, List.of());
    }

    /** A field of a result, with its values. */
    static Field value(String var, String type, String label, List<String> values) {
        return new Field(var, type, label, values, false, null, List.of());
    }

    static Field value(String var, String type, String label, String value) {
        return value(var, type, label, List.of(value));
    }

    /** A form ({@code type} "form") or a result ("result"), with the XEP-0133 FORM_TYPE first. */
    static Element write(String type, String title, List<Field> fields) {
        List<Field> all = new ArrayList<>();
        all.add(Field.hidden(DataForm.FORM_TYPE, ADMIN_FORM_TYPE));
        all.addAll(fields);
        return new DataForm(type, title, List.of(), all).toElement();
    }

    /** The values of a submitted form inside {@code parent} (var → values); empty when there is none. */
    static Map<String, List<String>> submitted(Element parent) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parent.child("x", NAMESPACE).flatMap(DataForm::parse).filter(f -> "submit".equals(f.type()))
                .ifPresent(form -> form.fields().stream().filter(f -> f.var() != null)
                        .forEach(f -> values.put(f.var(), f.values())));
        return values;
    }

    /** The first value of a field, or null. */
    static String first(Map<String, List<String>> values, String var) {
        List<String> vs = values.get(var);
        return vs == null || vs.isEmpty() ? null : vs.get(0);
    }
}
