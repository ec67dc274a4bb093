package im.hearth.protocol.feature.last;

import im.hearth.protocol.xml.Element;
import java.util.Optional;

/**
 * A last activity answer (XEP-0012 section 2): seconds (REQUIRED) and optional status text. For a
 * server it is the uptime (section 5); for an account, the time since its last logout (section 3).
 */
public record LastActivity(long seconds, String status) {
    public static final String NAMESPACE = "jabber:iq:last";

    public Element toElement() {
        return Element.builder("query", NAMESPACE).attr("seconds", Long.toString(seconds)).text(status).build();
    }

    public static Optional<LastActivity> parse(Element query) {
        if (!query.is("query", NAMESPACE) || query.attr("seconds") == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(query.attr("seconds").trim());
            String status = query.text();
            return seconds < 0 ? Optional.empty()
                    : Optional.of(new LastActivity(seconds, status.isEmpty() ? null : status));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
