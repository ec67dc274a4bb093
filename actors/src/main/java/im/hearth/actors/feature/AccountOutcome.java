package im.hearth.actors.feature;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.xml.Element;
import java.util.List;

/** What an {@link AccountFeature} decided: events for the user's journal, then what to send. */
public record AccountOutcome(List<UserEvent> events, List<Effect> effects) {

    public AccountOutcome {
        events = List.copyOf(events);
        effects = List.copyOf(effects);
    }

    /** Something to send once the events are in the journal. */
    public sealed interface Effect {
        /** The answer to whoever asked (an own session directly, anyone else through the router). */
        record Reply(Element stanza) implements Effect {
        }

        /** A stanza for the router. */
        record Route(Element stanza) implements Effect {
        }

        /** A stanza for every connected session of the account ('to' is set per session), e.g. a push. */
        record ToOwnSessions(Element stanza) implements Effect {
        }

        /** The asking session wants this topic's pushes from now on (like RFC 6121 2.1.6 for the roster). */
        record Interested(String topic) implements Effect {
        }

        /** The asking session no longer wants this topic (a flag turned off, e.g. XEP-0280 disable). */
        record NotInterested(String topic) implements Effect {
        }

        /** A push for every session of the account that is interested in the topic ('to' is set per session). */
        record ToInterestedSessions(String topic, Element stanza) implements Effect {
        }

        /**
         * A PEP notification (XEP-0163 section 4): the {@code <event/>} goes to every resource, own or
         * a contact's, that asked for the node's notifications ('+notify', XEP-0115) and may read it
         * under the node's access model.
         */
        record Notify(String node, String accessModel, Element event) implements Effect {
        }

        /**
         * Answers that take a database read (an archive query): sent in order to whoever asked,
         * like {@link Reply}, once the stage completes. The stage runs off the entity's thread and
         * must complete with the error reply itself when the read fails.
         */
        record Later(java.util.concurrent.CompletionStage<List<Element>> stanzas) implements Effect {
        }
    }

    public static AccountOutcome reply(Element stanza) {
        return new AccountOutcome(List.of(), List.of(new Effect.Reply(stanza)));
    }

    /** This outcome followed by another: its events after these, its effects after these. */
    public AccountOutcome andThen(AccountOutcome more) {
        List<UserEvent> allEvents = new java.util.ArrayList<>(events);
        allEvents.addAll(more.events());
        List<Effect> allEffects = new java.util.ArrayList<>(effects);
        allEffects.addAll(more.effects());
        return new AccountOutcome(allEvents, allEffects);
    }

    public static AccountOutcome of(List<UserEvent> events, Effect... effects) {
        return new AccountOutcome(events, List.of(effects));
    }
}
