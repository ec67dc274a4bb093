package im.hearth.persistence.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
