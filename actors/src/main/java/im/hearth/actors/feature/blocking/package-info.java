/**
 * XEP-0191 Blocking Command: the blocklist kept in the user's journal ({@link
 * im.hearth.actors.feature.blocking.Blocklist}), its IQs ({@link
 * im.hearth.actors.feature.blocking.BlockingDecider}) and its enforcement on the user's stanzas in
 * both directions ({@link im.hearth.actors.feature.blocking.BlockingRules}).
 */
package im.hearth.actors.feature.blocking;
