package im.hearth.actors.c2s;

import im.hearth.actors.net.NetIn;
import im.hearth.actors.net.NetOut;
import im.hearth.protocol.stanza.StreamErrorException;
import im.hearth.protocol.stream.StreamEvent;
import im.hearth.protocol.stream.StreamLimits;
import im.hearth.protocol.stream.XmlStreamParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * The XMPP side of one client socket: parses the bytes coming up from TLS into stream events and
 * hands them to the {@link Session} one at a time, and writes what the session sends into a queue
 * bounded in bytes. A client that stops reading its socket fills the queue and is disconnected;
 * a client that sends faster than its session handles is held back by not pulling from TCP. When
 * the session closes the stream, the last bytes get {@code closeTimeout} to reach the client;
 * after that (a client that stopped reading) the connection is aborted.
 */
public final class ConnectionStage extends GraphStage<FlowShape<NetIn, NetOut>> {

    private final Inlet<NetIn> in = Inlet.create("ConnectionStage.in");
    private final Outlet<NetOut> out = Outlet.create("ConnectionStage.out");
    private final FlowShape<NetIn, NetOut> shape = FlowShape.of(in, out);
    private final ActorRef<Session.Command> session;
    private final StreamLimits limits;
    private final long maxQueuedBytes;
    private final Duration closeTimeout;

    public ConnectionStage(ActorRef<Session.Command> session, StreamLimits limits, long maxQueuedBytes,
                           Duration closeTimeout) {
        this.session = session;
        this.limits = limits;
        this.maxQueuedBytes = maxQueuedBytes;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public FlowShape<NetIn, NetOut> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new Logic();
    }

    private enum Control { RESUME, START_TLS, RESTART }

    private final class Logic extends TimerGraphStageLogic implements Wire {
        private final ArrayDeque<NetOut> queue = new ArrayDeque<>(1); // small while idle: one per session
        private long queuedBytes;
        private XmlStreamParser parser = new XmlStreamParser(limits);
        private boolean awaitingSession;
        private boolean discardingUntilTls;
        private boolean closing;
        private boolean failed;
        private boolean told;
        private final AsyncCallback<String> sendCallback = createAsyncCallback(this::enqueue);
        private final AsyncCallback<Control> controlCallback = createAsyncCallback(this::control);
        private final AsyncCallback<String> closeCallback = createAsyncCallback(this::beginClose);
        private final AsyncCallback<ActorRef<Session.Command>> handToCallback = createAsyncCallback(this::switchTo);
        /** Where stream events go: the session that opened the connection, or the one it resumed (XEP-0198). */
        private ActorRef<Session.Command> target = session;

        Logic() {
            super(shape);
            setHandler(in, new AbstractInHandler() {
                @Override
                public void onPush() {
                    NetIn element = grab(in);
                    if (element instanceof NetIn.TlsEstablished tls) {
                        discardingUntilTls = false;
                        target.tell(new Session.TlsUp(tls.session()));
                    } else if (element instanceof NetIn.Bytes bytes && !discardingUntilTls && !failed
                            && !closing && parser.needsInput()) {
                        byte[] chunk = bytes.bytes().toArray();
                        parser.feed(chunk, 0, chunk.length);
                    }
                    pump();
                }

                @Override
                public void onUpstreamFinish() {
                    disconnected("client closed the connection");
                    if (closing && queue.isEmpty()) {
                        completeStage();
                    }
                }

                @Override
                public void onUpstreamFailure(Throwable ex) {
                    disconnected("connection failed: " + ex.getMessage());
                    completeStage();
                }
            });
            setHandler(out, new AbstractOutHandler() {
                @Override
                public void onPull() {
                    flush();
                }

                @Override
                public void onDownstreamFinish(Throwable cause) {
                    disconnected("connection closed");
                    completeStage();
                }
            });
        }

        @Override
        public void preStart() {
            setKeepGoing(true);
            target.tell(new Session.Attached(this));
            pump();
        }

        @Override
        public void postStop() {
            disconnected("connection closed");
        }

        // --- Wire, called from the session's thread: hop onto the stage's own.

        @Override
        public void send(String xml) {
            sendCallback.invoke(xml);
        }

        @Override
        public void resume() {
            controlCallback.invoke(Control.RESUME);
        }

        @Override
        public void startTls() {
            controlCallback.invoke(Control.START_TLS);
        }

        @Override
        public void restartStream() {
            controlCallback.invoke(Control.RESTART);
        }

        @Override
        public void close(String finalXml) {
            closeCallback.invoke(finalXml == null ? "" : finalXml);
        }

        @Override
        public java.util.concurrent.CompletionStage<org.apache.pekko.Done> handTo(ActorRef<Session.Command> next) {
            return scala.jdk.javaapi.FutureConverters.asJava(handToCallback.invokeWithFeedback(next));
        }

        // --- On the stage's thread.

        private void switchTo(ActorRef<Session.Command> next) {
            target = next;
            if (told && !closing) {
                next.tell(new Session.Disconnected("connection lost while it was handed over", this));
            }
        }

        private void control(Control c) {
            switch (c) {
                case RESUME -> { }
                case START_TLS -> {
                    queue.add(NetOut.StartTls.INSTANCE);
                    parser = new XmlStreamParser(limits);
                    discardingUntilTls = true;
                    flush();
                }
                case RESTART -> {
                    byte[] rest = parser.unconsumed();
                    parser = new XmlStreamParser(limits);
                    if (rest.length > 0) {
                        parser.feed(rest, 0, rest.length);
                    }
                }
            }
            awaitingSession = false;
            pump();
        }

        private void pump() {
            if (closing) {
                // Read and drop what the client still sends: closing a socket with unread input
                // makes TCP reset it, and the reset would throw away the stream error and the
                // closing tag on their way to the client.
                if (!isClosed(in) && !hasBeenPulled(in)) {
                    pull(in);
                }
                return;
            }
            if (awaitingSession || failed) {
                return;
            }
            if (!discardingUntilTls) {
                StreamEvent event;
                try {
                    event = parser.next();
                } catch (StreamErrorException e) {
                    failed = true;
                    target.tell(new Session.ParseFailed(e.error()));
                    return;
                }
                if (event != null) {
                    awaitingSession = true;
                    target.tell(new Session.FromClient(event));
                    return;
                }
            }
            if (!parser.isDone() && !isClosed(in) && !hasBeenPulled(in)) {
                pull(in);
            }
        }

        private void enqueue(String xml) {
            if (closing || isClosed(out)) {
                return;
            }
            ByteString bytes = ByteString.fromString(xml, StandardCharsets.UTF_8);
            queuedBytes += bytes.size();
            if (queuedBytes > maxQueuedBytes) {
                queue.clear();
                disconnected("outbound queue overflow: the client does not read its socket");
                // Fail, not complete: completing would ask TLS for a close_notify and TCP for a
                // graceful close, both of which wait for the client to read what is already
                // buffered, which it never does, so the socket (and its reading) would live on.
                // A failure makes the TCP stage abort the connection.
                failStage(new IOException("outbound queue overflow"));
                return;
            }
            queue.add(new NetOut.Bytes(bytes));
            flush();
        }

        private void beginClose(String finalXml) {
            if (!finalXml.isEmpty() && !isClosed(out)) {
                ByteString bytes = ByteString.fromString(finalXml, StandardCharsets.UTF_8);
                queue.add(new NetOut.Bytes(bytes));
                queuedBytes += bytes.size();
            }
            closing = true;
            told = true;
            // The inlet is not cancelled here: TLS would then close the session before the last
            // bytes, the closing tag, are written. The outlet completes once they are out (TLS
            // then sends close_notify); input is drained meanwhile (see pump).
            flush();
            pump();
            // A client that never reads, or never closes, must not keep the connection (and its
            // TLS and TCP stages) forever.
            scheduleOnce("close", closeTimeout);
        }

        @Override
        public void onTimer(Object key) {
            if (queue.isEmpty()) {
                completeStage(); // everything was written; the client just did not close its side
            } else {
                failStage(new IOException("the client did not read the end of its stream within " + closeTimeout));
            }
        }

        private void flush() {
            while (!queue.isEmpty() && isAvailable(out)) {
                NetOut next = queue.poll();
                if (next instanceof NetOut.Bytes b) {
                    queuedBytes -= b.bytes().size();
                }
                push(out, next);
            }
            if (closing && queue.isEmpty() && !isClosed(out)) {
                complete(out);
                if (isClosed(in)) {
                    completeStage();
                }
            }
        }

        private void disconnected(String reason) {
            if (!told) {
                told = true;
                target.tell(new Session.Disconnected(reason, this));
            }
        }
    }
}
