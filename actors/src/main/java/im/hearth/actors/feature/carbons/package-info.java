/**
 * XEP-0280 Message Carbons: the per-session enable/disable and the disco feature. The copies
 * themselves are made by the User entity ({@code user.CarbonCopies}) for the sessions whose flag is on.
 */
package im.hearth.actors.feature.carbons;
