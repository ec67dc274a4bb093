/**
 * Presence (RFC 6121 section 4): broadcast to subscribers, probes at initial presence, answers to
 * probes, directed presence and its clean-up, as rules over the roster. No settings.
 */
package im.hearth.actors.feature.presence;
