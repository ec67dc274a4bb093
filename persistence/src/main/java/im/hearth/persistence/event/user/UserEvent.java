package im.hearth.persistence.event.user;

import im.hearth.persistence.serial.StoredData;

/**
 * An event in a User entity's journal (persistence id {@code User|<bare JID>}).
 *
 * <p>Every implementation is a stored type: see {@code im.hearth.persistence.serial} for the
 * rule that such records never move or change meaning.
 */
public sealed interface UserEvent extends StoredData
    permits AccountCreated, CredentialsChanged, MessageArchived, StoredOffline, OfflineDelivered {}
