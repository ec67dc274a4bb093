package im.hearth.persistence.serial;

/**
 * Marks everything that is written to the database: journal events and snapshots.
 *
 * <p>Bound to Pekko's {@code jackson-cbor} serializer in this module's {@code reference.conf}.
 * The stored manifest is the implementing class's fully qualified name, so an implementing
 * record must never be moved, renamed or given a new meaning; see {@code package-info}.
 */
public interface StoredData {}
