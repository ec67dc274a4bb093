package im.hearth.protocol.stream;

import im.hearth.protocol.stanza.StreamErrorException;
import java.util.Objects;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * An {@link XmlStreamParser} as a Pekko Streams stage: bytes in, {@link StreamEvent}s out. It pulls
 * bytes only when the parser has read everything it was given, and parses only on demand, so a peer
 * that sends faster than downstream consumes is held back. It completes after
 * {@link StreamEvent.Close}, and fails with {@link StreamErrorException} on bad input.
 *
 * <p>For one stream only: it cannot restart after SASL success or STARTTLS (the server's connection
 * stage drives the parser itself for that); a client that needs restarts materialises a new stage.
 */
public final class XmlStreamStage extends GraphStage<FlowShape<ByteString, StreamEvent>> {

    private final Inlet<ByteString> in = Inlet.create("XmlStreamStage.in");
    private final Outlet<StreamEvent> out = Outlet.create("XmlStreamStage.out");
    private final FlowShape<ByteString, StreamEvent> shape = FlowShape.of(in, out);
    private final StreamLimits limits;

    public XmlStreamStage(StreamLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static Flow<ByteString, StreamEvent, NotUsed> flow(StreamLimits limits) {
        return Flow.fromGraph(new XmlStreamStage(limits));
    }

    @Override
    public FlowShape<ByteString, StreamEvent> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new GraphStageLogic(shape) {
            private final XmlStreamParser parser = new XmlStreamParser(limits);

            {
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        ByteString bytes = grab(in);
                        if (!bytes.isEmpty()) {
                            parser.feed(bytes.asByteBuffer());
                        }
                        // Bytes are only pulled on behalf of a waiting downstream, so it is still waiting.
                        emitNext();
                    }

                    @Override
                    public void onUpstreamFinish() {
                        parser.endOfInput();
                        if (isAvailable(out)) {
                            emitNext();
                        }
                    }
                });
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        emitNext();
                    }
                });
            }

            private void emitNext() {
                StreamEvent event;
                try {
                    event = parser.next();
                } catch (StreamErrorException e) {
                    failStage(e);
                    return;
                }
                if (event != null) {
                    push(out, event);
                    if (parser.isDone()) {
                        completeStage();
                    }
                } else if (parser.isDone()) {
                    completeStage();
                } else if (parser.needsInput() && !hasBeenPulled(in) && !isClosed(in)) {
                    pull(in);
                }
            }
        };
    }
}
