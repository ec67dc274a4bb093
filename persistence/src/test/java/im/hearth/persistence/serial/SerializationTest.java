package im.hearth.persistence.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import im.hearth.persistence.event.session.SessionBound;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.persistence.event.user.UserEvent;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.DisabledJavaSerializer;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stored events through the serializer the journal uses, configured by this module's reference.conf only. */
class SerializationTest {

  private static ActorTestKit testKit;
  private static Serialization serialization;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("SerializationTest");
    serialization = SerializationExtension.get(testKit.system().classicSystem());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  static Stream<StoredData> everyEvent() {
    return Stream.concat(SampleEvents.userEvents().stream(), SampleEvents.sessionEvents().stream());
  }

  @ParameterizedTest
  @MethodSource("everyEvent")
  void eventRoundTripsThroughJacksonCborWithItsClassNameAsManifest(StoredData event) {
    Serializer serializer = serialization.findSerializerFor(event);
    assertInstanceOf(JacksonCborSerializer.class, serializer);

    String manifest = Serializers.manifestFor(serializer, event);
    assertEquals(event.getClass().getName(), manifest);

    byte[] bytes = serializer.toBinary(event);
    Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
    assertEquals(event, back);
    // Deterministic: the same event always produces the same bytes.
    assertArrayEquals(bytes, serializer.toBinary(back));
  }

  /** Every event record compiled into the event packages has a sample, so every one is round-tripped above. */
  @Test
  void samplesCoverEveryEventType() throws Exception {
    Set<Class<?>> sampled = everyEvent().map(Object::getClass).collect(Collectors.toSet());
    java.nio.file.Path classes = java.nio.file.Path.of(UserEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    java.nio.file.Path events = classes.resolve("im/hearth/persistence/event");
    Set<Class<?>> stored;
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(events)) {
      stored = files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
          .map(f -> classes.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
          .map(SerializationTest::load)
          .filter(c -> c.isRecord() && (UserEvent.class.isAssignableFrom(c) || SessionEvent.class.isAssignableFrom(c)))
          .collect(Collectors.toSet());
    }
    assertEquals(stored, sampled);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A newer release may add a field; a node still on this release (rolling upgrade) must read past it. */
  @Test
  void unknownFieldsFromANewerReleaseAreIgnored() throws Exception {
    ObjectMapper cbor = JacksonObjectMapperProvider.get(testKit.system().classicSystem())
        .getOrCreate("jackson-cbor", Optional.empty());
    Map<String, Object> newer = new LinkedHashMap<>();
    newer.put("fullJid", "alice@example.net/phone");
    newer.put("at", SampleEvents.T0);
    newer.put("addedLater", List.of(1, 2, 3));
    byte[] bytes = cbor.writeValueAsBytes(newer);

    Serializer serializer = serialization.findSerializerFor(new SessionBound("x@y/z", SampleEvents.T0));
    Object back = serialization.deserialize(bytes, serializer.identifier(), SessionBound.class.getName()).get();
    assertEquals(new SessionBound("alice@example.net/phone", SampleEvents.T0), back);
  }

  @Test
  void javaSerializationIsSwitchedOff() {
    assertFalse(testKit.system().settings().config().getBoolean("pekko.actor.allow-java-serialization"));
    record NotBound(String value) implements Serializable {}
    Serializer fallback = serialization.findSerializerFor(new NotBound("x"));
    assertInstanceOf(DisabledJavaSerializer.class, fallback);
    assertThrows(Exception.class, () -> serialization.serialize(new NotBound("x")).get());
  }

  @Test
  void clusterMessagesUseJacksonCbor() {
    record Ping(String from) implements ClusterMessage {}
    Ping ping = new Ping("node-1");
    Serializer serializer = serialization.findSerializerFor(ping);
    assertInstanceOf(JacksonCborSerializer.class, serializer);
    Object back = serialization.deserialize(
        serializer.toBinary(ping), serializer.identifier(), Serializers.manifestFor(serializer, ping)).get();
    assertEquals(ping, back);
  }
}
