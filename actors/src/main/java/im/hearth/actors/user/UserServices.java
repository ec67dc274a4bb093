package im.hearth.actors.user;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.protocol.xml.Element;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every User entity of a node shares.
 *
 * @param route           sends a stanza on (in production {@code Router::route})
 * @param serverIq        answers an IQ a session sent without 'to' that no account feature handles
 *                        (in production the feature catalogue: ping, disco, ...)
 * @param accountFeatures the features whose IQs to an account the entity answers
 */
public record UserServices(Consumer<Element> route, Function<Element, Optional<Element>> serverIq,
                           List<AccountFeature> accountFeatures) {

    public UserServices {
        accountFeatures = List.copyOf(accountFeatures);
    }

    /** Only routing: for tests of the entity alone. */
    public static UserServices routingOnly(Consumer<Element> route) {
        return new UserServices(route, iq -> Optional.empty(), List.of());
    }

    /** The account feature that answers IQs with this payload namespace, by namespace. */
    Map<String, AccountFeature> byNamespace() {
        Map<String, AccountFeature> m = new HashMap<>();
        for (AccountFeature f : accountFeatures) {
            for (String ns : f.accountIqNamespaces()) {
                if (m.putIfAbsent(ns, f) != null) {
                    throw new IllegalStateException("two account features answer " + ns);
                }
            }
        }
        return m;
    }
}
