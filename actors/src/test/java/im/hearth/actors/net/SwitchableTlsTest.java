package im.hearth.actors.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SwitchableTls without sockets: its network side is looped back onto itself. */
class SwitchableTlsTest {

  @TempDir static Path certificates;
  private static ActorSystem<Void> system;
  private static TlsMaterial material;

  @BeforeAll
  static void start() {
    system =
        ActorSystem.create(
            Behaviors.empty(),
            "SwitchableTlsTest",
            ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(ConfigFactory.load()));
    material = TlsMaterial.selfSigned(certificates, "example.net");
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void plainModePassesBytesUnchangedAndCompletesWithTheApplication() throws Exception {
    ByteString first = ByteString.fromString("<stream:stream>");
    ByteString second = ByteString.fromString("<presence/>");

    List<NetIn> delivered =
        Source.<NetOut>from(List.of(new NetOut.Bytes(first), new NetOut.Bytes(second)))
            .via(SwitchableTls.create(material::newServerEngine, false).join(Flow.of(ByteString.class)))
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertEquals(List.of(new NetIn.Bytes(first), new NetIn.Bytes(second)), delivered);
  }

  @Test
  void startTlsWhileTlsIsAlreadyOnFailsTheConnection() {
    var result =
        Source.<NetOut>single(NetOut.StartTls.INSTANCE)
            .concat(Source.never())
            .via(SwitchableTls.create(material::newServerEngine, true).join(Flow.of(ByteString.class)))
            .runWith(Sink.seq(), system)
            .toCompletableFuture();

    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, failure.getCause());
  }
}
