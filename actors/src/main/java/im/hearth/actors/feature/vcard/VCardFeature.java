package im.hearth.actors.feature.vcard;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.feature.pep.AvatarConversion;
import im.hearth.actors.feature.pep.PepSettings;
import im.hearth.actors.user.UserState;
import im.hearth.persistence.event.user.vcard.VCardSet;
import im.hearth.protocol.feature.vcard.VCardTemp;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Profiles: vcard-temp (XEP-0054) and vCard4 over IQ (XEP-0292), with the XEP-0153 avatar hash
 * computed when a vCard is stored. State: {@link VCards} in the user's journal. Settings:
 * {@code hearth.vcard.*} ({@link VCardSettings}). With PEP on, a PHOTO is also published as a
 * XEP-0084 avatar (XEP-0398, {@link AvatarConversion}); the XEP-0292 PEP node is not done.
 */
public final class VCardFeature implements Feature, AccountFeature {
    private final VCardSettings settings;
    private final PepSettings pep;

    public VCardFeature(VCardSettings settings) {
        this(settings, null);
    }

    /** @param pep the PEP settings when PEP is on: a vCard PHOTO is then also published as a XEP-0084 avatar (XEP-0398) */
    public VCardFeature(VCardSettings settings, PepSettings pep) {
        this.settings = settings;
        this.pep = pep;
    }

    @Override
    public String name() {
        return "vcard";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(VCardTemp.NAMESPACE); // XEP-0054 section 2
    }


    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(VCardTemp.NAMESPACE, VCardTemp.VCARD4_NAMESPACE);
    }

    @Override
    public List<String> accountDiscoFeatures() {
        return List.of(VCardTemp.NAMESPACE, VCardTemp.VCARD4_NAMESPACE); // XEP-0292 section 2 (Determining Support)
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        AccountOutcome out = VCardDecider.decide(state.vcards(), request, settings);
        Optional<VCardSet> set = out.events().stream().filter(e -> e instanceof VCardSet).map(e -> (VCardSet) e).findFirst();
        if (pep == null || set.isEmpty()) {
            return out;
        }
        return AvatarConversion.avatarFor(state, request.payload(), set.get().photoHash(), request.now(), pep)
                .map(out::andThen).orElse(out);
    }
}
