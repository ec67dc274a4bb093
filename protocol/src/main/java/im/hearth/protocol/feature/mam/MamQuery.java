package im.hearth.protocol.feature.mam;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.rsm.ResultSet;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An archive query (XEP-0313 section 4): its queryid, the filter fields of its data form (section
 * 4.1: {@code with}, {@code start}, {@code end}; from {@code urn:xmpp:mam:2#extended}
 * {@code before-id}, {@code after-id}, {@code ids}), the XEP-0059 page request and
 * {@code <flip-page/>}. Absent values are null (ids: empty).
 */
public record MamQuery(String queryId, Jid with, Instant start, Instant end, String beforeId, String afterId,
                       List<String> ids, ResultSet set, boolean flipPage) {
    public static final String NAMESPACE = "urn:xmpp:mam:2";
    public static final String EXTENDED = "urn:xmpp:mam:2#extended";

    public MamQuery {
        ids = List.copyOf(ids);
    }

    /** A decoded query, or why it is malformed (the answer is bad-request). */
    public sealed interface Decoded {
        record Query(MamQuery query) implements Decoded {
        }

        record Malformed(String reason) implements Decoded {
        }
    }

    /** Reads a {@code <query xmlns='urn:xmpp:mam:2'/>} of an IQ set. */
    public static Decoded parse(Element query) {
        if (!query.is("query", NAMESPACE)) {
            return new Decoded.Malformed("not a MAM query");
        }
        ResultSet set = null;
        Optional<Element> setElement = query.child("set", ResultSet.NAMESPACE);
        if (setElement.isPresent()) {
            Optional<ResultSet> parsed = ResultSet.parse(setElement.get());
            if (parsed.isEmpty()) {
                return new Decoded.Malformed("malformed result set");
            }
            set = parsed.get();
        }
        boolean flip = query.child("flip-page", NAMESPACE).isPresent();
        Optional<Element> x = query.child("x", DataForm.NAMESPACE);
        if (x.isEmpty()) {
            return new Decoded.Query(new MamQuery(query.attr("queryid"), null, null, null, null, null, List.of(), set,
                    flip));
        }
        Optional<DataForm> form = DataForm.parse(x.get());
        if (form.isEmpty() || !"submit".equals(form.get().type())) {
            return new Decoded.Malformed("the form must be of type submit");
        }
        return fromForm(query.attr("queryid"), form.get(), set, flip);
    }

    private static Decoded fromForm(String queryId, DataForm form, ResultSet set, boolean flip) {
        Jid with = null;
        Instant start = null;
        Instant end = null;
        String beforeId = null;
        String afterId = null;
        List<String> ids = List.of();
        for (DataForm.Field f : form.fields()) {
            String var = f.var() == null ? "" : f.var();
            String value = f.value().map(String::trim).orElse("");
            switch (var) {
                case DataForm.FORM_TYPE:
                    if (!NAMESPACE.equals(value)) {
                        return new Decoded.Malformed("FORM_TYPE must be " + NAMESPACE);
                    }
                    break;
                case "with":
                    Optional<Jid> jid = Jid.tryParse(value);
                    if (jid.isEmpty()) {
                        return new Decoded.Malformed("'with' is not a JID");
                    }
                    with = jid.get();
                    break;
                case "start":
                case "end":
                    Optional<Instant> at = dateTime(value);
                    if (at.isEmpty()) {
                        return new Decoded.Malformed("'" + var + "' is not an XEP-0082 DateTime");
                    }
                    if (var.equals("start")) {
                        start = at.get();
                    } else {
                        end = at.get();
                    }
                    break;
                case "before-id":
                case "after-id":
                    if (value.isEmpty()) {
                        return new Decoded.Malformed("'" + var + "' is empty");
                    }
                    if (var.equals("before-id")) {
                        beforeId = value;
                    } else {
                        afterId = value;
                    }
                    break;
                case "ids":
                    ids = f.values().stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
                    break;
                default:
                    return new Decoded.Malformed("unknown field '" + var + "'");
            }
        }
        return new Decoded.Query(new MamQuery(queryId, with, start, end, beforeId, afterId, ids, set, flip));
    }

    /** XEP-0082 DateTime: a date, a time with optional fraction, and Z or an offset. */
    public static Optional<Instant> dateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The query as a client sends it (with a submitted form when any field is set). */
    public Element toElement() {
        Element.Builder b = Element.builder("query", NAMESPACE).attr("queryid", queryId);
        List<DataForm.Field> fields = new ArrayList<>();
        if (with != null) {
            fields.add(new DataForm.Field("with", null, List.of(with.toString())));
        }
        if (start != null) {
            fields.add(new DataForm.Field("start", null, List.of(start.toString())));
        }
        if (end != null) {
            fields.add(new DataForm.Field("end", null, List.of(end.toString())));
        }
        if (beforeId != null) {
            fields.add(new DataForm.Field("before-id", null, List.of(beforeId)));
        }
        if (afterId != null) {
            fields.add(new DataForm.Field("after-id", null, List.of(afterId)));
        }
        if (!ids.isEmpty()) {
            fields.add(new DataForm.Field("ids", null, ids));
        }
        if (!fields.isEmpty()) {
            List<DataForm.Field> all = new ArrayList<>();
            all.add(DataForm.Field.hidden(DataForm.FORM_TYPE, NAMESPACE));
            all.addAll(fields);
            b.child(DataForm.of("submit", all).toElement());
        }
        if (set != null) {
            b.child(set.toElement());
        }
        if (flipPage) {
            b.child(Element.of("flip-page", NAMESPACE));
        }
        return b.build();
    }

    /** The answer to a form request (section 4.1.5): the fields this server accepts. */
    public static Element formTemplate() {
        DataForm form = DataForm.of("form", List.of(
                DataForm.Field.hidden(DataForm.FORM_TYPE, NAMESPACE),
                new DataForm.Field("with", "jid-single", List.of()),
                new DataForm.Field("start", "text-single", List.of()),
                new DataForm.Field("end", "text-single", List.of()),
                new DataForm.Field("before-id", "text-single", List.of()),
                new DataForm.Field("after-id", "text-single", List.of()),
                new DataForm.Field("ids", "list-multi", List.of())));
        return Element.builder("query", NAMESPACE).child(form.toElement()).build();
    }
}
