package im.hearth.actors.feature;

import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.feature.adhoc.AdHocFeature;
import im.hearth.actors.feature.blocking.BlockingFeature;
import im.hearth.actors.feature.caps.CapsFeature;
import im.hearth.actors.feature.carbons.CarbonsFeature;
import im.hearth.actors.feature.contactinfo.ContactInfoFeature;
import im.hearth.actors.feature.disco.DiscoFeature;
import im.hearth.actors.feature.last.LastFeature;
import im.hearth.actors.feature.mam.MamFeature;
import im.hearth.actors.feature.motd.MotdFeature;
import im.hearth.actors.feature.pep.PepFeature;
import im.hearth.actors.feature.ping.PingFeature;
import im.hearth.actors.feature.privatexml.PrivateXmlFeature;
import im.hearth.actors.feature.push.PushFeature;
import im.hearth.actors.feature.roster.RosterFeature;
import im.hearth.actors.feature.vcard.VCardFeature;
import im.hearth.actors.feature.time.TimeFeature;
import im.hearth.actors.feature.version.VersionFeature;
import im.hearth.actors.feature.watchregistrations.WatchRegistrationsFeature;
import im.hearth.actors.feature.welcome.WelcomeFeature;
import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.FullJid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.time.Clock;

/**
 * Every feature the server has, in one list read top to bottom, and the one place that answers
 * stanzas addressed to a hosted domain itself. Features named in {@code hearth.modules.disabled}
 * are left out entirely (not in disco, their IQs unanswered). An IQ request nobody handles gets
 * service-unavailable (RFC 6120 8.4); results and errors nobody asked for are dropped.
 */
public final class FeatureCatalogue {
    private final List<Feature> features;
    private final Map<String, Feature.IqHandler> iqHandlers = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<String> motd;
    private final java.util.concurrent.atomic.AtomicReference<String> welcome;

    /** Features the server cannot do without: naming one in {@code hearth.modules.disabled} stops the start. */
    static final Set<String> REQUIRED = Set.of("disco", "roster");

    public FeatureCatalogue(HearthSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public FeatureCatalogue(HearthSettings settings, Clock clock) {
        this(settings, clock, null);
    }

    /**
     * @param archive the archive read side, for XEP-0313 queries; null leaves MAM out (a catalogue
     *                without a database, in tests)
     */
    public FeatureCatalogue(HearthSettings settings, Clock clock,
                            im.hearth.persistence.projection.archive.ArchiveReader archive) {
        HearthSettings.ServerInfo info = settings.serverInfo();
        CapsFeature caps = new CapsFeature(this::serverInfo);
        List<Feature> list = new ArrayList<>();
        list.add(new DiscoFeature(this::serverInfo, node -> enabled("caps") && node.equals(caps.capsNode()),
                this::accountFeatures));
        list.add(new PingFeature());
        list.add(new RosterFeature());
        boolean pepOn = !settings.modules().disabled().contains("pep");
        boolean vcardOn = !settings.modules().disabled().contains("vcard");
        list.add(new VCardFeature(settings.vcard(), pepOn ? settings.pep() : null));
        list.add(new PrivateXmlFeature(settings.privateXml(), pepOn ? settings.pep() : null));
        list.add(new AdHocFeature());
        list.add(new BlockingFeature());
        list.add(new CarbonsFeature());
        list.add(new PushFeature(settings.push()));
        list.add(new PepFeature(settings.pep(), vcardOn ? settings.vcard() : null));
        if (archive != null) {
            list.add(new MamFeature(settings.archive(), archive));
        }
        list.add(new VersionFeature(info.showOs()));
        list.add(new TimeFeature(clock));
        list.add(new LastFeature(clock));
        list.add(new ContactInfoFeature(info.contactInfo()));
        list.add(caps);
        list.add(new im.hearth.actors.feature.sm.StreamManagementFeature());
        list.add(new im.hearth.actors.feature.csi.ClientStateFeature());
        // Changeable at run time by the XEP-0133 commands; configuration gives the start value.
        this.welcome = new java.util.concurrent.atomic.AtomicReference<>(info.welcomeMessage());
        this.motd = new java.util.concurrent.atomic.AtomicReference<>(info.motd());
        list.add(new WelcomeFeature(welcome));
        list.add(new MotdFeature(motd));
        list.add(new WatchRegistrationsFeature(info.watchRegistrations(), settings.admins()));
        this.features = enabledOnly(list, settings.modules().disabled());
        for (Feature f : features) {
            f.serverIqHandlers().forEach((ns, h) -> {
                if (iqHandlers.putIfAbsent(ns, h) != null) {
                    throw new IllegalStateException("two features answer " + ns);
                }
            });
        }
    }

    /** The features that are on, in catalogue order; a disabled one is not even constructed into the list. */
    private static List<Feature> enabledOnly(List<Feature> all, Set<String> disabled) {
        Set<String> names = new TreeSet<>();
        all.forEach(f -> names.add(f.name()));
        for (String name : disabled) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("bad configuration: hearth.modules.disabled names '" + name
                        + "', which is not a feature; known: " + names);
            }
            if (REQUIRED.contains(name)) {
                throw new IllegalArgumentException("bad configuration: hearth.modules.disabled: '" + name
                        + "' is required and cannot be disabled");
            }
        }
        return all.stream().filter(f -> !disabled.contains(f.name())).toList();
    }

    /** The message of the day, shared by the motd feature and the XEP-0133 commands that change it. */
    public java.util.concurrent.atomic.AtomicReference<String> motd() {
        return motd;
    }

    /** The welcome message, shared by the welcome feature and the XEP-0133 commands that change it. */
    public java.util.concurrent.atomic.AtomicReference<String> welcome() {
        return welcome;
    }

    public List<Feature> features() {
        return features;
    }

    public boolean enabled(String name) {
        return features.stream().anyMatch(f -> f.name().equals(name));
    }

    /** The server's own disco#info (XEP-0030 section 3.1): identity, enabled features, extended forms. */
    public DiscoInfo serverInfo() {
        List<DataForm> forms = new ArrayList<>();
        features.forEach(f -> forms.addAll(f.discoExtensions()));
        return new DiscoInfo(null, List.of(IDENTITY), discoFeatures(), forms);
    }

    static final DiscoInfo.Identity IDENTITY = new DiscoInfo.Identity("server", "im", VersionFeature.NAME);

    /** What the enabled features send to a session on its initial presence (the motd). */
    public List<Element> onInitialPresence(FullJid session) {
        List<Element> out = new ArrayList<>();
        features.forEach(f -> out.addAll(f.onInitialPresence(session)));
        return out;
    }

    /** What the enabled features route when an account has been created (welcome, notices to admins). */
    public List<Element> onAccountCreated(BareJid account) {
        List<Element> out = new ArrayList<>();
        features.forEach(f -> out.addAll(f.onAccountCreated(account)));
        return out;
    }

    /** The features of the server's disco#info, without duplicates, in catalogue order. */
    public List<String> discoFeatures() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (Feature f : features) {
            all.addAll(f.discoFeatures());
        }
        return List.copyOf(all);
    }

    /** The features whose state lives in the user's journal, in catalogue order (disco among them). */
    public List<AccountFeature> accountFeatures() {
        List<AccountFeature> out = new ArrayList<>();
        for (Feature f : features) {
            if (f instanceof AccountFeature a) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** Every feature's post-authentication stream features, in catalogue order. */
    public List<Element> streamFeatures() {
        List<Element> all = new ArrayList<>();
        for (Feature f : features) {
            all.addAll(f.streamFeatures());
        }
        return List.copyOf(all);
    }

    /** Handles a stanza addressed to a hosted domain; returns the reply to route back, if any. */
    public Optional<Element> handleServerStanza(Element stanza) {
        if (Stanzas.kind(stanza) != StanzaKind.IQ) {
            return Optional.empty(); // messages and presence to the server itself: nothing to do yet
        }
        String type = Stanzas.type(stanza);
        if (!"get".equals(type) && !"set".equals(type)) {
            return Optional.empty();
        }
        List<Element> payloads = stanza.elements();
        if (payloads.size() != 1) {
            // RFC 6120 8.2.3: a get or set has exactly one payload.
            return Optional.of(Stanzas.errorReply(stanza, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
        }
        Element payload = payloads.get(0);
        Feature.IqHandler handler = iqHandlers.get(payload.namespace());
        if (handler == null) {
            return Optional.of(Stanzas.errorReply(stanza, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
        }
        return Optional.of(handler.handle(stanza, payload));
    }
}
