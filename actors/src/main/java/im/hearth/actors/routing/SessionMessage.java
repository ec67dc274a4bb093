package im.hearth.actors.routing;

import im.hearth.protocol.xml.Element;

/** What the User entity and the router tell a client session (it adapts them into its own commands). */
public sealed interface SessionMessage {

    /** A stanza for the client, addressed and stamped already. */
    record Stanza(Element stanza) implements SessionMessage {
    }

    /** Another session bound the same resource: close this one with a conflict stream error (RFC 6120 7.7.2.2). */
    record Replaced() implements SessionMessage {
    }

    /** The account was removed (XEP-0077 3.2, the CLI, XEP-0133): close with not-authorized. */
    record AccountRemoved() implements SessionMessage {
    }
}
