package im.hearth.actors.c2s;

import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.persistence.event.session.StreamManagementEnabled;
import im.hearth.protocol.feature.sm.SmNonza;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * Stream management (XEP-0198) on one stream: enabling it after bind (section 3), acks both
 * ways (section 4), and the counting of what is written (every stanza goes through
 * {@link #write}). Resumption and hibernation are {@link Hibernation}'s. Settings:
 * {@code hearth.c2s.stream-management}.
 */
final class StreamManagement {
    enum RequestAck implements Session.Command { INSTANCE }

    enum Overflow implements Session.Command { INSTANCE }

    /** A message the client sent is in its account's journal (or could not be put there). */
    record Journaled(long sequence, boolean ok) implements Session.Command {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Session s;
    final SmCounters counters = new SmCounters();
    boolean enabled;
    /** SHA-256 of the secret half of the resumption id; null unless the stream can be resumed. */
    String resumeKeyHash;
    long maxSeconds;
    private int sinceRequest;
    private boolean requestOutstanding;
    private boolean requestScheduled;

    StreamManagement(Session session) {
        this.s = session;
    }

    boolean resumable() {
        return enabled && resumeKeyHash != null;
    }

    Effect<SessionEvent, SessionState> onElement(Element e) {
        SmNonza nonza = SmNonza.decode(e).orElseThrow();
        if (nonza instanceof SmNonza.Resume r) {
            return s.resumption.resume(r);
        }
        if (nonza instanceof SmNonza.Malformed m) {
            return s.fail(new StreamError(StreamErrorCondition.BAD_FORMAT, m.why()));
        }
        if (nonza instanceof SmNonza.Enable en) {
            return enable(en);
        }
        if (!enabled) {
            // Section 4: acks belong to a stream with stream management on.
            return failed("unexpected-request", null);
        }
        if (nonza instanceof SmNonza.Request) {
            s.send(SmNonza.ack(counters.handled()));
        } else if (nonza instanceof SmNonza.Ack a) {
            StreamError problem = check(a.h());
            if (problem != null) {
                return s.fail(problem);
            }
            requestOutstanding = false;
        }
        s.wire.resume();
        return s.effects().none();
    }

    /** Applies an h from the client (an ack or a resume); the stream error it deserves, or null (section 4). */
    StreamError check(long h) {
        long sentCount = counters.sentCount();
        SmCounters.AckVerdict verdict = counters.ack(h);
        if (verdict == SmCounters.AckVerdict.TOO_HIGH) {
            return StreamError.withApplicationCondition(StreamErrorCondition.UNDEFINED_CONDITION,
                    "you acknowledged more stanzas than were sent", SmNonza.handledCountTooHigh(h, sentCount));
        }
        if (verdict == SmCounters.AckVerdict.BACKWARDS) {
            return new StreamError(StreamErrorCondition.UNDEFINED_CONDITION, "the acknowledged count went backwards");
        }
        return null;
    }

    private Effect<SessionEvent, SessionState> enable(SmNonza.Enable en) {
        if (s.boundJid == null || enabled) {
            // Section 3: only after resource binding, and only once per stream.
            return failed("unexpected-request", null);
        }
        enabled = true;
        if (!en.resume()) {
            s.send(SmNonza.enabled(null, 0));
            s.wire.resume();
            return s.effects().none();
        }
        long max = s.services.sm().resumeTimeout().toSeconds();
        long seconds = en.maxSeconds() == null || en.maxSeconds() <= 0 ? max : Math.min(en.maxSeconds(), max);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = hash(key);
        return s.effects().persist(new StreamManagementEnabled(hash, s.user.toString(), s.boundJid.toString(), seconds,
                Instant.now())).thenRun(st -> {
                    resumeKeyHash = hash;
                    maxSeconds = seconds;
                    s.services.resumable().add(s.id, s.context.getSelf());
                    // The id names the session (for finding its journal) and carries a secret only
                    // the client knows; logs show the session id, never the secret.
                    s.send(SmNonza.enabled(s.id + "." + key, seconds));
                    Session.log.info("c2s stream management with resumption for {} from {} (session {}, {}s)",
                            s.boundJid, s.remoteAddress, s.id, seconds);
                    s.wire.resume();
                });
    }

    Effect<SessionEvent, SessionState> failed(String condition, Long h) {
        s.send(SmNonza.failed(condition, h));
        s.wire.resume();
        return s.effects().none();
    }

    /** Writes a stanza to the client, counting it and keeping it until acknowledged; queues it while hibernating. */
    void write(Element stanza) {
        if (enabled) {
            int queued = counters.sent(stanza);
            if (queued > s.services.sm().maxUnacked()) {
                s.context.getSelf().tell(Overflow.INSTANCE);
            } else if (s.wire != null && (!requestOutstanding || ++sinceRequest >= s.services.sm().ackRequestEvery())
                    && !requestScheduled) {
                // After what is already in the mailbox: one request for a burst of stanzas.
                requestScheduled = true;
                s.context.getSelf().tell(RequestAck.INSTANCE);
            }
        }
        if (s.wire != null) {
            s.send(XmlWriter.write(stanza, Namespaces.CLIENT));
        }
    }

    Effect<SessionEvent, SessionState> onJournaled(Journaled j) {
        boolean readOn = s.sendWindow.stored();
        if (!j.ok() && !s.closed) {
            // Never acknowledge what is not in the journal: the client sends it again after resuming.
            return s.fail(new StreamError(StreamErrorCondition.INTERNAL_SERVER_ERROR, "a message could not be stored"));
        }
        counters.journaled(j.sequence());
        if (readOn && s.wire != null && !s.closed) {
            s.wire.resume();
        }
        return s.effects().none();
    }

    Effect<SessionEvent, SessionState> onRequestAck() {
        requestScheduled = false;
        if (s.wire != null && !s.closed && counters.unackedSize() > 0) {
            s.send(SmNonza.request());
            requestOutstanding = true;
            sinceRequest = 0;
        }
        return s.effects().none();
    }

    /** Writes again what the client has not acknowledged (section 5, after {@code <resumed/>}). */
    void resend() {
        for (Element stanza : counters.unacked()) {
            s.send(XmlWriter.write(stanza, Namespaces.CLIENT));
        }
        requestOutstanding = false;
        if (counters.unackedSize() > 0) {
            requestScheduled = true;
            s.context.getSelf().tell(RequestAck.INSTANCE);
        }
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    boolean keyMatches(String key) {
        return resumeKeyHash != null && MessageDigest.isEqual(resumeKeyHash.getBytes(StandardCharsets.US_ASCII),
                hash(key).getBytes(StandardCharsets.US_ASCII));
    }
}
