/**
 * The XEP-0060 Publish-Subscribe subset that PEP (XEP-0163) clients use: the requests of the
 * {@code pubsub} and {@code pubsub#owner} namespaces as records, the {@code pubsub#event}
 * notifications, and the errors with their {@code pubsub#errors} application conditions.
 */
package im.hearth.protocol.feature.pubsub;
