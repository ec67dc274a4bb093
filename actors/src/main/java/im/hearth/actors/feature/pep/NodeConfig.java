package im.hearth.actors.feature.pep;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.pubsub.PubSub;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node configuration options this PEP service knows (XEP-0060 16.4.4, {@code pubsub#node_config}),
 * their defaults for a PEP node (XEP-0163 section 3: access model presence; one item kept), and the
 * normalisation of submitted values so that publish-options preconditions (XEP-0060 7.1.5) compare
 * like with like: booleans as true/false, max_items as a number or "max".
 */
public final class NodeConfig {
    public static final String ACCESS_MODEL = "pubsub#access_model";
    public static final String MAX_ITEMS = "pubsub#max_items";
    public static final String PERSIST_ITEMS = "pubsub#persist_items";
    public static final String SEND_LAST = "pubsub#send_last_published_item";
    public static final String NOTIFY_RETRACT = "pubsub#notify_retract";
    public static final String NOTIFY_DELETE = "pubsub#notify_delete";
    public static final String DELIVER_NOTIFICATIONS = "pubsub#deliver_notifications";
    public static final String DELIVER_PAYLOADS = "pubsub#deliver_payloads";
    public static final String PUBLISH_MODEL = "pubsub#publish_model";
    public static final String TITLE = "pubsub#title";

    public static final String PRESENCE = "presence";
    public static final String OPEN = "open";
    public static final String WHITELIST = "whitelist";
    public static final String MAX = "max";

    static final Set<String> ACCESS_MODELS = Set.of(PRESENCE, OPEN, WHITELIST);
    static final Set<String> SEND_LAST_VALUES = Set.of("never", "on_sub", "on_sub_and_presence");
    private static final Set<String> BOOLEANS = Set.of(PERSIST_ITEMS, NOTIFY_RETRACT, NOTIFY_DELETE,
            DELIVER_NOTIFICATIONS, DELIVER_PAYLOADS);

    public static final Map<String, String> DEFAULTS = defaults();

    private NodeConfig() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ACCESS_MODEL, PRESENCE);
        m.put(MAX_ITEMS, "1");
        m.put(PERSIST_ITEMS, "true");
        m.put(SEND_LAST, "on_sub_and_presence");
        m.put(NOTIFY_RETRACT, "true");
        m.put(NOTIFY_DELETE, "true");
        m.put(DELIVER_NOTIFICATIONS, "true");
        m.put(DELIVER_PAYLOADS, "true");
        m.put(PUBLISH_MODEL, "publishers");
        m.put(TITLE, "");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The submitted options, normalised; or why they cannot be taken. */
    public sealed interface Parsed {
        record Options(Map<String, String> values) implements Parsed {
        }

        /** A value out of range or an unknown option: {@code pubsubCondition} may be null. */
        record Invalid(String pubsubCondition, String text) implements Parsed {
        }
    }

    /** Reads the fields of a submitted form (FORM_TYPE aside); {@code cap} bounds max_items. */
    public static Parsed parse(DataForm form, int cap) {
        Map<String, String> out = new LinkedHashMap<>();
        for (DataForm.Field f : form.fields()) {
            String var = f.var();
            if (var == null || var.equals(DataForm.FORM_TYPE)) {
                continue;
            }
            if (!DEFAULTS.containsKey(var)) {
                return new Parsed.Invalid(null, "unsupported option " + var);
            }
            String value = f.value().orElse("").trim();
            String normal = normalise(var, value, cap);
            if (normal == null) {
                return new Parsed.Invalid(var.equals(ACCESS_MODEL) ? "unsupported-access-model" : null,
                        "unsupported value for " + var + ": " + value);
            }
            out.put(var, normal);
        }
        return new Parsed.Options(out);
    }

    private static String normalise(String var, String value, int cap) {
        if (BOOLEANS.contains(var)) {
            return value.equals("1") || value.equals("true") ? "true"
                    : value.equals("0") || value.equals("false") ? "false" : null;
        }
        switch (var) {
            case ACCESS_MODEL:
                return ACCESS_MODELS.contains(value) ? value : null;
            case SEND_LAST:
                return SEND_LAST_VALUES.contains(value) ? value : null;
            case PUBLISH_MODEL:
                return value.equals("publishers") ? value : null;
            case MAX_ITEMS:
                if (value.equals(MAX)) {
                    return MAX;
                }
                try {
                    int n = Integer.parseInt(value);
                    return n >= 1 && n <= cap ? Integer.toString(n) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            default:
                return value;
        }
    }

    /** The most items a node keeps by its own configuration ("max": no bound of its own). */
    public static int maxItems(Map<String, String> config) {
        String v = config.getOrDefault(MAX_ITEMS, "1");
        return v.equals(MAX) ? Integer.MAX_VALUE : Integer.parseInt(v);
    }

    /** The configuration form of a node (XEP-0060 8.2.1), its current values filled in. */
    public static DataForm form(Map<String, String> config) {
        List<DataForm.Field> fields = new ArrayList<>();
        fields.add(DataForm.Field.hidden(DataForm.FORM_TYPE, PubSub.NODE_CONFIG_FORM));
        for (String var : DEFAULTS.keySet()) {
            String type = BOOLEANS.contains(var) ? "boolean"
                    : var.equals(ACCESS_MODEL) || var.equals(SEND_LAST) || var.equals(PUBLISH_MODEL) ? "list-single"
                    : "text-single";
            fields.add(new DataForm.Field(var, type, List.of(config.getOrDefault(var, DEFAULTS.get(var)))));
        }
        return DataForm.of("form", fields);
    }
}
