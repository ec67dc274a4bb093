package im.hearth.persistence.event.user.push;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A session of the user registered an app server node for notifications (XEP-0357 section 5); a
 * registration of the same app server JID and node is replaced by it.
 *
 * @param resource       the resource of the session that enabled it: its device
 * @param jid            the app server's JID
 * @param node           the node on the app server
 * @param publishOptions the fields of the publish-options form sent with every notification (a secret, typically)
 */
public record PushEnabled(String resource, String jid, String node, List<Option> publishOptions, Instant at)
        implements UserEvent {

    /** One publish-options field (XEP-0004), FORM_TYPE included. */
    public record Option(String var, List<String> values) {
        public Option {
            Objects.requireNonNull(var, "var");
            values = List.copyOf(values);
        }
    }

    public PushEnabled {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(node, "node");
        publishOptions = publishOptions == null ? List.of() : List.copyOf(publishOptions);
        Objects.requireNonNull(at, "at");
    }
}
