/**
 * Personal Eventing Protocol (XEP-0163) over the XEP-0060 subset that clients use: each account's
 * bare JID is a pubsub service. Nodes and items live in the user's journal ({@link
 * im.hearth.actors.feature.pep.Pep}, decided by {@link im.hearth.actors.feature.pep.PepDecider});
 * notifications follow the '+notify' entity capabilities (XEP-0115) of the owner's and contacts'
 * resources ({@link im.hearth.actors.feature.pep.PepLive}). This carries OMEMO device lists and
 * bundles (XEP-0384), avatars (XEP-0084), nicknames (XEP-0172) and bookmarks (XEP-0402).
 */
package im.hearth.actors.feature.pep;
