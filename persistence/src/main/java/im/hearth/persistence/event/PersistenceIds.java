package im.hearth.persistence.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * Persistence ids and read-side tags of the entities.
 *
 * <p>Ids are {@code <EntityType>|<key>}, the form {@code PersistenceId.of(typeName, key)} builds
 * with Pekko's default separator, so a sharded entity whose {@code EntityTypeKey} is named
 * {@value #USER_TYPE} gets the same id.
 *
 * <p>User events carry exactly one tag, {@code user-0} … {@code user-15}, chosen by the CRC-32
 * of the bare JID's UTF-8 bytes. The count and the hash are stored with every event and are
 * the parallelism of every User projection: they are decided once and never change.
 */
public final class PersistenceIds {

  public static final String USER_TYPE = "User";
  public static final String SESSION_TYPE = "Session";
  public static final String SEPARATOR = "|";

  /** How many tags User events are spread over; never changes. */
  public static final int USER_TAG_COUNT = 16;

  /** All User tags, {@code user-0} to {@code user-15}, in order: one projection instance each. */
  public static final List<String> USER_TAGS =
      IntStream.range(0, USER_TAG_COUNT).mapToObj(i -> "user-" + i).toList();

  private PersistenceIds() {}

  /** {@code User|<bareJid>}; the JID must already be prepped. */
  public static String user(String bareJid) {
    return USER_TYPE + SEPARATOR + requireKey(bareJid);
  }

  /** {@code Session|<sessionId>}. */
  public static String session(String sessionId) {
    return SESSION_TYPE + SEPARATOR + requireKey(sessionId);
  }

  /** The one tag of every event of this user; the JID must already be prepped. */
  public static String userTag(String bareJid) {
    CRC32 crc = new CRC32();
    crc.update(requireKey(bareJid).getBytes(StandardCharsets.UTF_8));
    return USER_TAGS.get((int) (crc.getValue() % USER_TAG_COUNT));
  }

  private static String requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("an entity key must not be empty");
    }
    return key;
  }
}
