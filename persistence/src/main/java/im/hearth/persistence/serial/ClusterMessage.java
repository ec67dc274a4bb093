package im.hearth.persistence.serial;

/**
 * Marks messages sent between cluster nodes (commands and replies of sharded entities).
 *
 * <p>Bound to Pekko's {@code jackson-cbor} serializer in this module's {@code reference.conf}.
 * Unlike {@link StoredData} these are never stored, so they may change between releases as
 * long as a rolling upgrade keeps old and new nodes able to read each other.
 */
public interface ClusterMessage {}
