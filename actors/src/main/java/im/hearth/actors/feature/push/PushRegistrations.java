package im.hearth.actors.feature.push;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.push.PushDisabled;
import im.hearth.persistence.event.user.push.PushEnabled;
import im.hearth.protocol.feature.dataforms.DataForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app server nodes a user's devices registered (XEP-0357), oldest first. Part of the user's
 * state and snapshot.
 */
public record PushRegistrations(List<Registration> registrations) {
    public static final PushRegistrations EMPTY = new PushRegistrations(List.of());

    /** One device's registration: the resource that enabled it, the app server JID and node, the publish-options. */
    public record Registration(String resource, String jid, String node, List<PushEnabled.Option> publishOptions) {
        public Registration {
            publishOptions = List.copyOf(publishOptions);
        }

        public boolean matches(String otherJid, String otherNode) {
            return jid.equals(otherJid) && (otherNode == null || node.equals(otherNode));
        }

        /** The publish-options form sent with each notification, if the device gave one. */
        public Optional<DataForm> publishOptionsForm() {
            if (publishOptions.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(DataForm.of("submit", publishOptions.stream()
                    .map(o -> new DataForm.Field(o.var(), null, o.values())).toList()));
        }
    }

    public PushRegistrations {
        registrations = List.copyOf(registrations);
    }

    public boolean isEmpty() {
        return registrations.isEmpty();
    }

    public boolean any(String jid, String node) {
        return registrations.stream().anyMatch(r -> r.matches(jid, node));
    }

    /** Applies one of the push events; any other user event leaves the registrations as they are. */
    public PushRegistrations apply(UserEvent event) {
        if (event instanceof PushEnabled e) {
            List<Registration> next = new ArrayList<>(registrations.stream()
                    .filter(r -> !r.matches(e.jid(), e.node())).toList());
            next.add(new Registration(e.resource(), e.jid(), e.node(), e.publishOptions()));
            return new PushRegistrations(next);
        } else if (event instanceof PushDisabled e) {
            return new PushRegistrations(registrations.stream().filter(r -> !r.matches(e.jid(), e.node())).toList());
        }
        return this;
    }
}
