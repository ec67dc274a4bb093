package im.hearth.protocol.stanza;

import java.util.Optional;

/** The defined stream error conditions of RFC 6120 §4.9.3, in namespace {@code urn:ietf:params:xml:ns:xmpp-streams}. */
public enum StreamErrorCondition {
    BAD_FORMAT("bad-format"),
    BAD_NAMESPACE_PREFIX("bad-namespace-prefix"),
    CONFLICT("conflict"),
    CONNECTION_TIMEOUT("connection-timeout"),
    HOST_GONE("host-gone"),
    HOST_UNKNOWN("host-unknown"),
    IMPROPER_ADDRESSING("improper-addressing"),
    INTERNAL_SERVER_ERROR("internal-server-error"),
    INVALID_FROM("invalid-from"),
    INVALID_NAMESPACE("invalid-namespace"),
    INVALID_XML("invalid-xml"),
    NOT_AUTHORIZED("not-authorized"),
    NOT_WELL_FORMED("not-well-formed"),
    POLICY_VIOLATION("policy-violation"),
    REMOTE_CONNECTION_FAILED("remote-connection-failed"),
    RESET("reset"),
    RESOURCE_CONSTRAINT("resource-constraint"),
    RESTRICTED_XML("restricted-xml"),
    SEE_OTHER_HOST("see-other-host"),
    SYSTEM_SHUTDOWN("system-shutdown"),
    UNDEFINED_CONDITION("undefined-condition"),
    UNSUPPORTED_ENCODING("unsupported-encoding"),
    UNSUPPORTED_FEATURE("unsupported-feature"),
    UNSUPPORTED_STANZA_TYPE("unsupported-stanza-type"),
    UNSUPPORTED_VERSION("unsupported-version");

    private final String elementName;

    StreamErrorCondition(String elementName) {
        this.elementName = elementName;
    }

    public String elementName() {
        return elementName;
    }

    public static Optional<StreamErrorCondition> fromElementName(String name) {
        for (StreamErrorCondition c : values()) {
            if (c.elementName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
