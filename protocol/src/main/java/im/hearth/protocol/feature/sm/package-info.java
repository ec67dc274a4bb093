/**
 * Stream management (XEP-0198, {@code urn:xmpp:sm:3}): the nonzas a client sends ({@code enable},
 * {@code resume}, {@code r}, {@code a}) as records, and the ones the server answers with.
 */
package im.hearth.protocol.feature.sm;
