package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stream.StreamHeader;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stream features at each step of the negotiation, and the checks of the client's header. */
class NegotiationTest {
    private static final List<String> MECHANISMS = List.of("SCRAM-SHA-256", "SCRAM-SHA-1");

    @Test
    void beforeTlsWhenEncryptionIsRequiredOnlyStartTlsIsOfferedAndMarkedRequired() {
        String f = Negotiation.features(false, true, MECHANISMS, false);
        assertTrue(f.contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"), f);
        assertFalse(f.contains("mechanisms"), f);
        assertFalse(f.contains("bind"), f);
    }

    @Test
    void beforeTlsWhenEncryptionIsOptionalStartTlsAndSaslAreOffered() {
        String f = Negotiation.features(false, false, MECHANISMS, false);
        assertTrue(f.contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"), f);
        assertTrue(f.contains("<mechanism>SCRAM-SHA-256</mechanism><mechanism>SCRAM-SHA-1</mechanism>"), f);
        assertFalse(f.contains("bind"), f);
    }

    @Test
    void afterTlsOnlySaslIsOffered() {
        String f = Negotiation.features(true, true, MECHANISMS, false);
        assertFalse(f.contains("starttls"), f);
        assertTrue(f.startsWith("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"), f);
        assertFalse(f.contains("bind"), f);
    }

    @Test
    void afterAuthenticationOnlyBindAndTheOptionalSessionAreOffered() {
        String f = Negotiation.features(true, true, MECHANISMS, true);
        assertEquals("<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                + "<session xmlns='urn:ietf:params:xml:ns:xmpp-session'><optional/></session></stream:features>", f);
    }

    @Test
    void afterAuthenticationWithoutTlsStartTlsIsNoLongerOffered() {
        // RFC 6120 5.3.1: TLS comes before SASL; after SASL the server refuses <starttls/> anyway.
        String f = Negotiation.features(false, false, MECHANISMS, true);
        assertFalse(f.contains("starttls"), f);
        assertTrue(f.contains("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"), f);
    }

    @Test
    void withoutMechanismsNoEmptyMechanismsElementIsOffered() {
        assertEquals("<stream:features></stream:features>", Negotiation.features(true, true, List.of(), false));
    }

    @Test
    void aGoodClientHeaderPasses() {
        assertEquals(Optional.empty(), Negotiation.check(header(Namespaces.CLIENT, "1.0"), true));
    }

    @Test
    void theServerNamespaceIsAnInvalidNamespace() {
        assertEquals(StreamErrorCondition.INVALID_NAMESPACE, condition(Negotiation.check(header(Namespaces.SERVER, "1.0"), true)));
        assertEquals(StreamErrorCondition.INVALID_NAMESPACE, condition(Negotiation.check(header(null, "1.0"), true)));
    }

    @Test
    void anUnhostedDomainIsHostUnknown() {
        assertEquals(StreamErrorCondition.HOST_UNKNOWN, condition(Negotiation.check(header(Namespaces.CLIENT, "1.0"), false)));
    }

    @Test
    void aMissingOrOldVersionIsUnsupported() {
        assertEquals(StreamErrorCondition.UNSUPPORTED_VERSION, condition(Negotiation.check(header(Namespaces.CLIENT, null), true)));
        assertEquals(StreamErrorCondition.UNSUPPORTED_VERSION, condition(Negotiation.check(header(Namespaces.CLIENT, "0.9"), true)));
        assertEquals(Optional.empty(), Negotiation.check(header(Namespaces.CLIENT, "1.1"), true), "a higher minor version is fine");
    }

    @Test
    void ourHeaderNamesTheDomainAndTheClientNamespace() {
        String h = Negotiation.header("localhost", "abc");
        assertTrue(h.contains("from='localhost'") && h.contains("id='abc'") && h.contains("version='1.0'"), h);
        assertTrue(h.contains("xmlns='jabber:client'") && h.contains("xmlns:stream='http://etherx.jabber.org/streams'"), h);
    }

    @Test
    void saslFailureCarriesTheConditionAndText() {
        assertEquals("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><encryption-required/><text>use TLS</text></failure>",
                Negotiation.saslFailure("encryption-required", "use TLS"));
    }

    private static StreamHeader header(String contentNamespace, String version) {
        return new StreamHeader("localhost", null, null, version, "en", contentNamespace);
    }

    private static StreamErrorCondition condition(Optional<StreamError> error) {
        assertTrue(error.isPresent(), "expected an error");
        return error.get().condition();
    }

    @Test
    void offersRegistrationOnlyOnceEncryptedAndBeforeAuthentication() {
        List<im.hearth.protocol.xml.Element> register = List.of(im.hearth.protocol.xml.Element.of("register",
                im.hearth.protocol.feature.register.RegisterQuery.FEATURE_NAMESPACE));
        assertFalse(Negotiation.features(false, true, MECHANISMS, false, List.of(), register).contains("iq-register"));
        assertTrue(Negotiation.features(true, true, MECHANISMS, false, List.of(), register).contains("iq-register"));
        assertFalse(Negotiation.features(true, true, MECHANISMS, true, List.of(), register).contains("iq-register"));
    }

    @Test
    void plusMechanismsComeWithOneChannelBindingListAfterTheMechanisms() {
        String features = Negotiation.features(true, true,
                List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256"), false);
        int first = features.indexOf("<sasl-channel-binding");
        assertTrue(first > features.indexOf("</mechanisms>"), features);
        assertEquals(first, features.lastIndexOf("<sasl-channel-binding"),
                "XEP-0440's list once, not once per mechanism: " + features);
        assertFalse(
                Negotiation.features(true, true, MECHANISMS, false).contains("sasl-channel-binding"));
    }
}
