package im.hearth.actors.feature.welcome;

import static im.hearth.actors.feature.ServerIqs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.FullJid;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new account and a new session get from the server: welcome, motd, notices to admins. */
class WelcomeFeatureTest {
    private static final BareJid NEW = BareJid.parse("newbie@localhost");

    @Test
    void aNewAccountGetsTheWelcomeFromItsDomain() {
        List<Element> out = new FeatureCatalogue(settings("hearth.welcome-message = \"Welcome aboard!\"")).onAccountCreated(NEW);
        assertEquals(1, out.size());
        Element m = out.get(0);
        assertEquals("localhost", Stanzas.from(m));
        assertEquals("newbie@localhost", Stanzas.to(m));
        assertEquals("Welcome aboard!", m.childText("body", Namespaces.CLIENT).orElseThrow());
    }

    @Test
    void everythingIsOffByDefault() {
        FeatureCatalogue c = new FeatureCatalogue(settings("hearth.admins = [\"admin@localhost\"]"));
        assertTrue(c.onAccountCreated(NEW).isEmpty());
        assertTrue(c.onInitialPresence(FullJid.of(NEW, "phone")).isEmpty());
    }

    @Test
    void theMotdGoesToTheSessionThatSentItsInitialPresence() {
        List<Element> out = new FeatureCatalogue(settings("hearth.motd = \"Maintenance tonight\""))
                .onInitialPresence(FullJid.of(NEW, "phone"));
        assertEquals(1, out.size());
        assertEquals("newbie@localhost/phone", Stanzas.to(out.get(0)));
        assertEquals("Maintenance tonight", out.get(0).childText("body", Namespaces.CLIENT).orElseThrow());
    }

    @Test
    void adminsHearOfNewAccountsWhenWatching() {
        List<Element> out = new FeatureCatalogue(settings("hearth.admins = [\"admin@localhost\", \"Root@Localhost\"]\n"
                + "hearth.watch-registrations = on")).onAccountCreated(NEW);
        assertEquals(List.of("admin@localhost", "root@localhost"), out.stream().map(Stanzas::to).toList());
        assertTrue(out.get(0).childText("body", Namespaces.CLIENT).orElseThrow().contains("newbie@localhost"));
    }

    @Test
    void aDisabledWelcomeSendsNothing() {
        assertTrue(new FeatureCatalogue(settings("hearth.welcome-message = hi\nhearth.modules.disabled = [welcome]"))
                .onAccountCreated(NEW).isEmpty());
    }
}
