package im.hearth.actors.feature.push;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.push.PushPayload;
import java.util.List;
import java.util.Set;

/**
 * XEP-0357 Push Notifications: advertised on the account's bare JID (section 5), enable and
 * disable by the account's sessions ({@link PushDecider}), registrations in the user's journal
 * ({@link PushRegistrations}); the User entity notifies through a {@link PushNotifier} made here.
 * Reads {@code hearth.push} ({@link PushSettings}).
 */
public final class PushFeature implements Feature, AccountFeature {
    private final PushSettings settings;

    public PushFeature(PushSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "push";
    }

    @Override
    public List<String> accountDiscoFeatures() {
        return List.of(PushPayload.NAMESPACE);
    }

    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(PushPayload.NAMESPACE);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        return PushDecider.onIq(state.push(), request, settings.maxDevices());
    }

    /** A notifier for one User entity (it remembers the notifications awaiting an answer). */
    public PushNotifier notifier() {
        return new PushNotifier(settings);
    }
}
