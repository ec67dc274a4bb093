package im.hearth.actors.feature.vcard;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.vcard.VCardTemp;
import java.util.List;
import java.util.Set;

/**
 * Profiles: vcard-temp (XEP-0054) and vCard4 over IQ (XEP-0292), with the XEP-0153 avatar hash
 * computed when a vCard is stored. State: {@link VCards} in the user's journal. Settings:
 * {@code hearth.vcard.*} ({@link VCardSettings}). The PEP forms (XEP-0292 PEP node, XEP-0398
 * conversion) wait for PEP.
 */
public final class VCardFeature implements Feature, AccountFeature {
    private final VCardSettings settings;

    public VCardFeature(VCardSettings settings) {
        this.settings = settings;
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
        return VCardDecider.decide(state.vcards(), request, settings);
    }
}
