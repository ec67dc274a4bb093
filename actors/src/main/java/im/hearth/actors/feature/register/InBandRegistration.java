package im.hearth.actors.feature.register;

import im.hearth.actors.admin.Accounts;
import im.hearth.actors.user.UserEntity;
import im.hearth.protocol.feature.register.RegisterQuery;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-band registration (XEP-0077) for client streams. Before authentication, and only when
 * {@code hearth.registration.allow} is on: the fields (3.1) and account creation, limited per
 * address. After authentication, always: password change (3.3) and account removal (3.2, after
 * which the stream is closed). Every change goes through {@link Accounts}. Settings:
 * {@link RegistrationSettings}.
 */
public final class InBandRegistration {
    private static final Logger log = LoggerFactory.getLogger(InBandRegistration.class);
    private final RegistrationSettings settings;
    private final Accounts accounts;
    private final RegistrationLimit limit;

    /** What to send back after authentication, and whether the stream must then close (removal). */
    public record Answer(Element reply, boolean closeStream) {
    }

    public InBandRegistration(RegistrationSettings settings, Accounts accounts, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.limit = new RegistrationLimit(Math.max(1, settings.perAddressPerHour()), clock);
    }

    public static boolean isRegisterIq(Element stanza) {
        return stanza.is("iq", stanza.namespace()) && stanza.elements().size() == 1
                && stanza.elements().get(0).is("query", RegisterQuery.NAMESPACE);
    }

    /** The pre-authentication stream feature (XEP-0077 section 8), when registration is open. */
    public boolean open() {
        return settings.allow();
    }

    public Element streamFeature() {
        return Element.of("register", RegisterQuery.FEATURE_NAMESPACE);
    }

    /** An IQ before authentication on a stream for {@code domain} from {@code address}. */
    public CompletionStage<Element> beforeAuth(Element iq, String domain, String address) {
        String type = Stanzas.type(iq);
        RegisterQuery query = RegisterQuery.decode(iq.elements().get(0));
        if (!settings.allow()) {
            // XEP-0077 3.1: a host without in-band registration answers service-unavailable to
            // the get; a submission is refused as not allowed.
            return done(error(iq, "set".equals(type) ? StanzaErrorCondition.NOT_ALLOWED
                    : StanzaErrorCondition.SERVICE_UNAVAILABLE));
        }
        if ("get".equals(type)) {
            return done(Stanzas.iqResult(iq, RegisterQuery.form("Choose a username and password.")));
        }
        if (!"set".equals(type) || !(query instanceof RegisterQuery.Submit submit)) {
            return done(error(iq, StanzaErrorCondition.BAD_REQUEST));
        }
        BareJid jid;
        try {
            jid = BareJid.of(submit.username() == null ? "" : submit.username().trim(), domain);
        } catch (IllegalArgumentException e) {
            return done(error(iq, StanzaErrorCondition.NOT_ACCEPTABLE));
        }
        if (submit.password() == null || submit.password().isEmpty()) {
            return done(error(iq, StanzaErrorCondition.NOT_ACCEPTABLE));
        }
        if (!limit.tryTake(address)) {
            log.warn("registration of {} from {} refused: more than {} accounts per hour from this address",
                    jid, address, settings.perAddressPerHour());
            return done(error(iq, StanzaErrorCondition.RESOURCE_CONSTRAINT));
        }
        return accounts.create(jid, submit.password()).handle((r, e) -> {
            if (e != null || r != UserEntity.Result.DONE) {
                limit.giveBack(address);
            }
            if (e != null) {
                log.error("registration of {} failed", jid, e);
                return error(iq, StanzaErrorCondition.INTERNAL_SERVER_ERROR);
            }
            if (r == UserEntity.Result.ALREADY_EXISTS) {
                return error(iq, StanzaErrorCondition.CONFLICT);
            }
            log.info("registered {} from {}", jid, address);
            return Stanzas.iqResult(iq, null);
        });
    }

    /** A {@code jabber:iq:register} IQ from a user's own session, to the server or to the account. */
    public CompletionStage<Answer> afterAuth(Element iq, BareJid user) {
        String type = Stanzas.type(iq);
        RegisterQuery query = RegisterQuery.decode(iq.elements().get(0));
        if ("get".equals(type)) {
            return answer(Stanzas.iqResult(iq, RegisterQuery.registered(user.local())));
        }
        if (!"set".equals(type)) {
            return answer(error(iq, StanzaErrorCondition.BAD_REQUEST));
        }
        if (query instanceof RegisterQuery.Remove) {
            return accounts.remove(user, "self").handle((r, e) -> {
                if (e != null) {
                    log.error("removal of {} failed", user, e);
                    return new Answer(error(iq, StanzaErrorCondition.INTERNAL_SERVER_ERROR), false);
                }
                log.info("{} removed their account", user);
                return new Answer(Stanzas.iqResult(iq, null), true);
            });
        }
        if (query instanceof RegisterQuery.Submit submit) {
            // XEP-0077 3.3: the username is the account's own; an empty password is not one.
            if (submit.username() != null && !sameLocal(submit.username(), user)) {
                return answer(error(iq, StanzaErrorCondition.NOT_ALLOWED));
            }
            if (submit.password() == null || submit.password().isEmpty()) {
                return answer(error(iq, StanzaErrorCondition.NOT_ACCEPTABLE));
            }
            return accounts.changePassword(user, submit.password()).handle((r, e) -> {
                if (e != null || r != UserEntity.Result.DONE) {
                    return new Answer(error(iq, StanzaErrorCondition.INTERNAL_SERVER_ERROR), false);
                }
                log.info("{} changed their password", user);
                return new Answer(Stanzas.iqResult(iq, null), false);
            });
        }
        return answer(error(iq, StanzaErrorCondition.BAD_REQUEST));
    }

    private static boolean sameLocal(String username, BareJid user) {
        try {
            return im.hearth.protocol.jid.Jid.prepareLocal(username.trim()).equals(user.local());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Element error(Element iq, StanzaErrorCondition condition) {
        return Stanzas.errorReply(iq, StanzaError.of(condition));
    }

    private static CompletionStage<Element> done(Element e) {
        return CompletableFuture.completedFuture(e);
    }

    private static CompletionStage<Answer> answer(Element e) {
        return CompletableFuture.completedFuture(new Answer(e, false));
    }
}
