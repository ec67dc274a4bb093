/**
 * The serialization contract: two marker interfaces and their bindings.
 *
 * <ul>
 *   <li>{@link im.hearth.persistence.serial.StoredData}: events and snapshots, written to the
 *       journal and the snapshot store.</li>
 *   <li>{@link im.hearth.persistence.serial.ClusterMessage}: messages between nodes.</li>
 * </ul>
 *
 * <p>Both are bound to {@code jackson-cbor} under {@code pekko.actor.serialization-bindings} in
 * this module's {@code reference.conf}, and Java serialization is switched off there
 * ({@code pekko.actor.allow-java-serialization = off}).
 *
 * <p><b>The rule for stored types.</b> The serializer stores the fully qualified class name of
 * the record as the manifest next to every event and snapshot. A stored type therefore never
 * moves to another package, is never renamed, and never changes the meaning of a field.
 * To evolve, add a new record type (or a field that old records can do without: Jackson
 * leaves a missing field {@code null}/zero and ignores unknown ones). A rename or move needs
 * a Pekko Jackson migration ({@code pekko.serialization.jackson.migrations}) that maps the old
 * manifest, written and tested before the move. Journals written today must replay in every
 * later version.
 */
package im.hearth.persistence.serial;
