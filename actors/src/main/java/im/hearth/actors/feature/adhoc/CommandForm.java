package im.hearth.actors.feature.adhoc;

import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of XEP-0004 data forms for the admin commands: write a form or a result, read a
 * submission's values. TODO(lead): replace with the shared codec in protocol.feature.dataforms once
 * merged (it was written in parallel).
 */
final class CommandForm {
    static final String NAMESPACE = "jabber:x:data";
    static final String ADMIN_FORM_TYPE = "http://jabber.org/protocol/admin";

    /** One field; {@code values} may be empty. */
    record Field(String var, String type, String label, boolean required, List<String> values) {
        static Field of(String var, String type, String label, boolean required) {
            return new Field(var, type, label, required, List.of());
        }

        static Field value(String var, String type, String label, String value) {
            return new Field(var, type, label, false, List.of(value));
        }
    }

    private CommandForm() {
    }

    /** A form ({@code type} "form") or a result ("result"), with the XEP-0133 FORM_TYPE first. */
    static Element write(String type, String title, List<Field> fields) {
        Element.Builder x = Element.builder("x", NAMESPACE).attr("type", type);
        if (title != null) {
            x.textChild("title", NAMESPACE, title);
        }
        x.child(Element.builder("field", NAMESPACE).attr("var", "FORM_TYPE").attr("type", "hidden")
                .textChild("value", NAMESPACE, ADMIN_FORM_TYPE).build());
        for (Field f : fields) {
            Element.Builder field = Element.builder("field", NAMESPACE).attr("var", f.var()).attr("type", f.type());
            if (f.label() != null) {
                field.attr("label", f.label());
            }
            if (f.required()) {
                field.child(Element.of("required", NAMESPACE));
            }
            for (String v : f.values()) {
                field.textChild("value", NAMESPACE, v);
            }
            x.child(field.build());
        }
        return x.build();
    }

    /** The values of a submitted form inside {@code parent} (var → values); empty when there is none. */
    static Map<String, List<String>> submitted(Element parent) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parent.child("x", NAMESPACE).filter(x -> "submit".equals(x.attr("type"))).ifPresent(x -> {
            for (Element field : x.children("field", NAMESPACE)) {
                String var = field.attr("var");
                if (var != null) {
                    List<String> vs = new ArrayList<>();
                    field.children("value", NAMESPACE).forEach(v -> vs.add(v.text()));
                    values.put(var, List.copyOf(vs));
                }
            }
        });
        return values;
    }

    /** The first value of a field, or null. */
    static String first(Map<String, List<String>> values, String var) {
        List<String> vs = values.get(var);
        return vs == null || vs.isEmpty() ? null : vs.get(0);
    }
}
