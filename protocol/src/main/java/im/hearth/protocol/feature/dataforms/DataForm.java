package im.hearth.protocol.feature.dataforms;

import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A data form (XEP-0004): its type (form, submit, cancel, result), optional title and
 * instructions, and its fields. Used by extended disco#info (XEP-0128, XEP-0157), registration
 * (XEP-0077) and ad-hoc commands (XEP-0050). Reported/item tables (section 3.4) are not modelled.
 */
public record DataForm(String type, String title, List<String> instructions, List<Field> fields) {
    public static final String NAMESPACE = "jabber:x:data";
    /** The hidden field naming a form's type (XEP-0068). */
    public static final String FORM_TYPE = "FORM_TYPE";

    public DataForm {
        if (type == null) {
            throw new IllegalArgumentException("a data form has a type");
        }
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        fields = List.copyOf(fields);
    }

    public static DataForm of(String type, List<Field> fields) {
        return new DataForm(type, null, List.of(), fields);
    }

    /** A result form with a hidden FORM_TYPE first, as XEP-0128 extended info is written. */
    public static DataForm result(String formType, List<Field> fields) {
        List<Field> all = new ArrayList<>();
        all.add(Field.hidden(FORM_TYPE, formType));
        all.addAll(fields);
        return of("result", all);
    }

    /** One field (XEP-0004 section 3.2). Type and label may be null; options are (label, value) pairs. */
    public record Field(String var, String type, String label, List<String> values, boolean required,
                        String description, List<Option> options) {
        public Field {
            values = List.copyOf(values);
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Field(String var, String type, List<String> values) {
            this(var, type, null, values, false, null, List.of());
        }

        public static Field hidden(String var, String value) {
            return new Field(var, "hidden", List.of(value));
        }

        public Optional<String> value() {
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    public record Option(String label, String value) {
    }

    /** The value of the hidden FORM_TYPE field, if the form has one. */
    public Optional<String> formType() {
        return field(FORM_TYPE).flatMap(Field::value);
    }

    public Optional<Field> field(String var) {
        return fields.stream().filter(f -> var.equals(f.var())).findFirst();
    }

    public Element toElement() {
        Element.Builder b = Element.builder("x", NAMESPACE).attr("type", type);
        if (title != null) {
            b.textChild("title", NAMESPACE, title);
        }
        for (String i : instructions) {
            b.textChild("instructions", NAMESPACE, i);
        }
        for (Field f : fields) {
            Element.Builder fb = Element.builder("field", NAMESPACE)
                    .attr("var", f.var()).attr("type", f.type()).attr("label", f.label());
            if (f.description() != null) {
                fb.textChild("desc", NAMESPACE, f.description());
            }
            if (f.required()) {
                fb.child(Element.of("required", NAMESPACE));
            }
            for (String v : f.values()) {
                fb.textChild("value", NAMESPACE, v);
            }
            for (Option o : f.options()) {
                fb.child(Element.builder("option", NAMESPACE).attr("label", o.label())
                        .textChild("value", NAMESPACE, o.value()).build());
            }
            b.child(fb.build());
        }
        return b.build();
    }

    /** Reads an {@code <x xmlns='jabber:x:data'/>}; empty if it is not one or has no type. */
    public static Optional<DataForm> parse(Element x) {
        if (!x.is("x", NAMESPACE) || x.attr("type") == null) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        for (Element f : x.children("field", NAMESPACE)) {
            List<String> values = new ArrayList<>();
            for (Element v : f.children("value", NAMESPACE)) {
                values.add(v.text());
            }
            List<Option> options = new ArrayList<>();
            for (Element o : f.children("option", NAMESPACE)) {
                options.add(new Option(o.attr("label"), o.childText("value", NAMESPACE).orElse("")));
            }
            fields.add(new Field(f.attr("var"), f.attr("type"), f.attr("label"), values,
                    f.child("required", NAMESPACE).isPresent(), f.childText("desc", NAMESPACE).orElse(null), options));
        }
        List<String> instructions = new ArrayList<>();
        for (Element i : x.children("instructions", NAMESPACE)) {
            instructions.add(i.text());
        }
        return Optional.of(new DataForm(x.attr("type"), x.childText("title", NAMESPACE).orElse(null), instructions, fields));
    }
}
