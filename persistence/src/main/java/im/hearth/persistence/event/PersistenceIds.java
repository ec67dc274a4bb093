package im.hearth.persistence.event;

/**
 * Persistence ids and read-side tags of the entities.
 *
 * <p>Ids are {@code <EntityType>|<key>}, the form {@code PersistenceId.of(typeName, key)} builds
 * with Pekko's default separator, so a sharded entity whose {@code EntityTypeKey} is named
 * {@value #USER_TYPE} gets the same id.
 *
 * <p>User events carry no tag. A User projection reads them all from the journal, by ordering, with
 * {@link #ALL_USER_EVENTS} as its tag. Events written before that change each carry one of the tags
 * {@code user-0} … {@code user-15}, which nothing reads any more; the archive's retention still
 * deletes their tag rows with them.
 */
public final class PersistenceIds {

  public static final String USER_TYPE = "User";
  public static final String SESSION_TYPE = "Session";
  public static final String SEPARATOR = "|";

  /**
   * The tag no event carries: the read journal's events by this tag are every User event, read
   * from the journal by persistence id ({@code TagFirstReadJournalDao}).
   */
  public static final String ALL_USER_EVENTS = "all-user-events";

  private PersistenceIds() {}

  /** {@code User|<bareJid>}; the JID must already be prepped. */
  public static String user(String bareJid) {
    return USER_TYPE + SEPARATOR + requireKey(bareJid);
  }

  /** {@code Session|<sessionId>}. */
  public static String session(String sessionId) {
    return SESSION_TYPE + SEPARATOR + requireKey(sessionId);
  }

  private static String requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("an entity key must not be empty");
    }
    return key;
  }
}
