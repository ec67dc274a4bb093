package im.hearth.persistence.event.user;

import im.hearth.persistence.serial.StoredData;

/**
 * An event in a User entity's journal (persistence id {@code User|<bare JID>}).
 *
 * <p>Every implementation is a stored type: see {@code im.hearth.persistence.serial} for the
 * rule that such records never move or change meaning.
 *
 * <p>Not sealed on purpose: each feature keeps its events in its own package below this one
 * ({@code event.user.roster}, …), and a sealed interface cannot permit classes of other
 * packages outside a named module.
 */
public interface UserEvent extends StoredData {}
