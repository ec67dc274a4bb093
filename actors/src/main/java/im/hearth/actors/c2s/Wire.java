package im.hearth.actors.c2s;

/**
 * What a session may ask of its connection. Every call is asynchronous and thread-safe; calls from
 * one actor take effect in the order they were made.
 *
 * <p>The connection hands the session one stream event at a time and reads nothing further until
 * the session calls {@link #resume()}, {@link #restartStream()} or {@link #startTls()}: the stream
 * restarts of RFC 6120 (after STARTTLS, after SASL success) are decided in step with the parser.
 */
public interface Wire {

    /** Queues serialized XML for the client. */
    void send(String xml);

    /** The session is done with the last event; the next one may come. */
    void resume();

    /**
     * After {@code <proceed/>} has been sent: switch to TLS (RFC 6120 5.4.3.3). Whatever the client
     * sent after {@code <starttls/>} in plaintext is discarded; a new parser starts with the TLS stream.
     */
    void startTls();

    /** After SASL success: a new parser takes over, fed with the bytes that followed {@code <auth/>}'s last element. */
    void restartStream();

    /** Writes {@code finalXml} (may be null), then closes the connection. */
    void close(String finalXml);

    /**
     * From now on the connection's events go to {@code session} (XEP-0198 resumption: a new
     * connection is handed to the stream it resumes). If the connection was already lost, that
     * session is told so; the stage fails when the connection is gone altogether.
     */
    java.util.concurrent.CompletionStage<org.apache.pekko.Done> handTo(
            org.apache.pekko.actor.typed.ActorRef<Session.Command> session);
}
