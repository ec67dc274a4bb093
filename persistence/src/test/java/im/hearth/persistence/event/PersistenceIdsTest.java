package im.hearth.persistence.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.Test;

class PersistenceIdsTest {

  @Test
  void idsAreEntityTypeBarKey() {
    assertEquals("User|alice@example.net", PersistenceIds.user("alice@example.net"));
    assertEquals("Session|s-42", PersistenceIds.session("s-42"));
  }

  @Test
  void idsMatchPekkoPersistenceIdOfTheEntityTypeName() {
    assertEquals(PersistenceId.of(PersistenceIds.USER_TYPE, "alice@example.net").id(),
        PersistenceIds.user("alice@example.net"));
  }

  @Test
  void rejectsAnEmptyKey() {
    assertThrows(IllegalArgumentException.class, () -> PersistenceIds.user(""));
    assertThrows(IllegalArgumentException.class, () -> PersistenceIds.session(null));
  }

  @Test
  void thereAreSixteenUserTagsNamedUserZeroToFifteen() {
    assertEquals(16, PersistenceIds.USER_TAG_COUNT);
    assertEquals(PersistenceIds.USER_TAG_COUNT, PersistenceIds.USER_TAGS.size());
    assertEquals("user-0", PersistenceIds.USER_TAGS.get(0));
    assertEquals("user-15", PersistenceIds.USER_TAGS.get(15));
  }

  /** Tags are stored with every event: these values (CRC-32 mod 16, computed independently) never change. */
  @Test
  void userTagOfAJidNeverChanges() {
    assertEquals("user-0", PersistenceIds.userTag("alice@example.net"));
    assertEquals("user-12", PersistenceIds.userTag("bob@example.org"));
    assertEquals("user-11", PersistenceIds.userTag("juliet@capulet.lit"));
  }

  @Test
  void userTagsSpreadOverEveryTag() {
    Set<String> seen = new HashSet<>();
    IntStream.range(0, 1000).forEach(i -> seen.add(PersistenceIds.userTag("user" + i + "@example.net")));
    assertEquals(Set.copyOf(PersistenceIds.USER_TAGS), seen);
    assertTrue(PersistenceIds.USER_TAGS.contains(PersistenceIds.userTag("ünïcode@example.net")));
  }
}
