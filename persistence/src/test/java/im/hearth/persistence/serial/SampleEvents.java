package im.hearth.persistence.serial;

import im.hearth.persistence.event.session.SessionAuthenticated;
import im.hearth.persistence.event.session.SessionBound;
import im.hearth.persistence.event.session.SessionClosed;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.persistence.event.session.SessionOpened;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.CredentialsChanged;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.OfflineDelivered;
import im.hearth.persistence.event.user.StoredCredential;
import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.List;

/** One realistic instance of every stored event type, shared by the tests. */
public final class SampleEvents {

  public static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123456789Z");

  private SampleEvents() {}

  public static List<StoredCredential> credentials(String salt) {
    return List.of(
        new StoredCredential(StoredCredential.SCRAM_SHA_1, salt, 4096,
            "6dlGYMOdZcOPutkcNY8U2g7vK9Y=", "D+CSWLOshSulAsxiupA+qs2/fTE="),
        new StoredCredential(StoredCredential.SCRAM_SHA_256, salt, 4096,
            "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=", "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU="));
  }

  public static String chat(String from, String to, String id, String body) {
    return "<message xmlns=\"jabber:client\" from=\"" + from + "\" to=\"" + to + "\" id=\"" + id
        + "\" type=\"chat\"><body>" + body + "</body></message>";
  }

  /** Every UserEvent type at least once, in an order an account could have produced them. */
  public static List<UserEvent> userEvents() {
    return List.of(
        new AccountCreated("alice@example.net", credentials("QSXCR+Q6sek8bf92"), T0),
        new MessageArchived("a1", T0.plusSeconds(1), MessageArchived.Direction.OUTGOING, "bob@example.org",
            chat("alice@example.net/phone", "bob@example.org", "m1", "Hi Bob &amp; co. ✓")),
        new MessageArchived("a2", T0.plusSeconds(2), MessageArchived.Direction.INCOMING, "bob@example.org",
            chat("bob@example.org/laptop", "alice@example.net", "m2", "Hello")),
        new StoredOffline("a2", T0.plusSeconds(2), chat("bob@example.org/laptop", "alice@example.net", "m2", "Hello")),
        new OfflineDelivered(List.of("a2"), T0.plusSeconds(3)),
        new CredentialsChanged(credentials("c2FsdHNhbHRzYWx0"), T0.plusSeconds(4)),
        new im.hearth.persistence.event.user.roster.RosterItemSet("bob@example.org", "Bob", List.of("Friends"), T0.plusSeconds(5)),
        new im.hearth.persistence.event.user.roster.SubscriptionChanged("bob@example.org", "to", false, true, false,
            T0.plusSeconds(6)),
        new im.hearth.persistence.event.user.roster.RosterItemRemoved("bob@example.org", T0.plusSeconds(7)),
        new im.hearth.persistence.event.user.vcard.VCardSet("<vCard xmlns=\"vcard-temp\"><FN>Alice</FN><PHOTO>"
            + "<TYPE>image/png</TYPE><BINVAL>aGVsbG8=</BINVAL></PHOTO></vCard>",
            "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", T0.plusSeconds(8)),
        new im.hearth.persistence.event.user.vcard.VCard4Set("<vcard xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\">"
            + "<fn><text>Alice</text></fn></vcard>", T0.plusSeconds(9)),
        new im.hearth.persistence.event.user.privatexml.PrivateXmlStored("storage", "storage:bookmarks",
            "<storage xmlns=\"storage:bookmarks\"><conference jid=\"tea@rooms.example.net\" autojoin=\"true\"/></storage>",
            T0.plusSeconds(10)),
        new im.hearth.persistence.event.user.AccountRemoved("self", T0.plusSeconds(11)),
        new AccountCreated("alice@example.net", credentials("bmV3c2FsdG5ld3NhbHQ="), T0.plusSeconds(12)),
        new im.hearth.persistence.event.user.blocking.JidsBlocked(List.of("bob@example.org", "spam.example"),
            T0.plusSeconds(13)),
        new im.hearth.persistence.event.user.blocking.JidsUnblocked(List.of("bob@example.org"), T0.plusSeconds(14)),
        new im.hearth.persistence.event.user.blocking.BlocklistCleared(T0.plusSeconds(15)),
        new im.hearth.persistence.event.user.last.LastLogout(T0.plusSeconds(16), "Gone fishing"),
        new im.hearth.persistence.event.user.last.LastLogout(T0.plusSeconds(17), null),
        new im.hearth.persistence.event.user.push.PushEnabled("phone", "push.example.org", "yxs32uqsflafdk3iuqo",
            List.of(new im.hearth.persistence.event.user.push.PushEnabled.Option("FORM_TYPE",
                    List.of("http://jabber.org/protocol/pubsub#publish-options")),
                new im.hearth.persistence.event.user.push.PushEnabled.Option("secret", List.of("eruio234vzxc2kla-91"))),
            T0.plusSeconds(18)),
        new im.hearth.persistence.event.user.push.PushDisabled("push.example.org", "yxs32uqsflafdk3iuqo", "disabled",
            T0.plusSeconds(19)),
        new im.hearth.persistence.event.user.push.PushDisabled("push.example.org", null, "app-server-error: item-not-found",
            T0.plusSeconds(20)),
        new im.hearth.persistence.event.user.pep.PepNodeConfigured("urn:xmpp:avatar:metadata",
            java.util.Map.of("pubsub#access_model", "open", "pubsub#max_items", "1"), T0.plusSeconds(21)),
        new im.hearth.persistence.event.user.pep.PepItemPublished("urn:xmpp:avatar:metadata", "e3b0c442",
            "<metadata xmlns=\"urn:xmpp:avatar:metadata\"><info id=\"e3b0c442\" bytes=\"12\" type=\"image/png\"/></metadata>",
            T0.plusSeconds(22)),
        new im.hearth.persistence.event.user.pep.PepItemRetracted("urn:xmpp:avatar:metadata", "e3b0c442",
            T0.plusSeconds(23)),
        new im.hearth.persistence.event.user.pep.PepNodeDeleted("urn:xmpp:avatar:metadata", T0.plusSeconds(24)),
        new im.hearth.persistence.event.user.mam.ArchivePrefsSet("roster", List.of("carol@example.org"),
            List.of("spam.example"), T0.plusSeconds(25)),
        new im.hearth.persistence.event.user.mam.ArchiveExpired(T0.plusSeconds(2), T0.plusSeconds(26)));
  }

  public static List<SessionEvent> sessionEvents() {
    return List.of(
        new SessionOpened("[2001:db8::1]:50122", "c2s", T0),
        new SessionAuthenticated("alice@example.net", "SCRAM-SHA-256", T0.plusMillis(40)),
        new SessionBound("alice@example.net/phone", T0.plusMillis(45)),
        new im.hearth.persistence.event.session.StreamManagementEnabled(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "alice@example.net",
            "alice@example.net/phone", 86400, T0.plusMillis(50)),
        new im.hearth.persistence.event.session.SessionHibernated(3, 4294967295L,
            List.of(chat("bob@example.org/desk", "alice@example.net/phone", "m1", "still there?")),
            "<presence xmlns='jabber:client'><show>away</show></presence>", T0.plusSeconds(60)),
        new im.hearth.persistence.event.session.SessionHibernated(0, 0, List.of(), null, T0.plusSeconds(61)),
        new im.hearth.persistence.event.session.SessionResumed("198.51.100.7:40112", T0.plusSeconds(90)),
        new SessionClosed("client-closed", T0.plusSeconds(3600)));
  }
}
