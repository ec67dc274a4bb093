/**
 * XEP-0357 Push Notifications: registrations of app server nodes per device, kept in the user's
 * journal ({@link im.hearth.actors.feature.push.PushRegistrations}), enabled and disabled by
 * {@link im.hearth.actors.feature.push.PushDecider}, and the notifications the User entity sends
 * through {@link im.hearth.actors.feature.push.PushNotifier} for messages a device would miss.
 */
package im.hearth.actors.feature.push;
