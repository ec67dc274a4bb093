/**
 * Events of a user's PEP service (XEP-0163 over XEP-0060): nodes configured (created), items
 * published and retracted, nodes deleted. Together they rebuild every node with its items.
 */
package im.hearth.persistence.event.user.pep;
