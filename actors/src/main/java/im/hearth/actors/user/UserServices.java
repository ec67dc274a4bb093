package im.hearth.actors.user;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.protocol.xml.Element;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every User entity of a node shares (made once per node: an entity keeps a reference, never a
 * copy, since there is one entity per online account).
 */
public final class UserServices {

    private final Consumer<Element> route;
    private final Function<Element, Optional<Element>> serverIq;
    private final List<AccountFeature> accountFeatures;
    private final Map<String, AccountFeature> byNamespace;

    /**
     * @param route           sends a stanza on (in production {@code Router::route})
     * @param serverIq        answers an IQ a session sent without 'to' that no account feature handles
     *                        (in production the feature catalogue: ping, disco, ...)
     * @param accountFeatures the features whose IQs to an account the entity answers
     */
    public UserServices(Consumer<Element> route, Function<Element, Optional<Element>> serverIq,
                        List<AccountFeature> accountFeatures) {
        this.route = route;
        this.serverIq = serverIq;
        this.accountFeatures = List.copyOf(accountFeatures);
        this.byNamespace = index(this.accountFeatures);
    }

    /** Only routing: for tests of the entity alone. */
    public static UserServices routingOnly(Consumer<Element> route) {
        return new UserServices(route, iq -> Optional.empty(), List.of());
    }

    public Consumer<Element> route() {
        return route;
    }

    public Function<Element, Optional<Element>> serverIq() {
        return serverIq;
    }

    public List<AccountFeature> accountFeatures() {
        return accountFeatures;
    }

    /** The account feature that answers IQs with this payload namespace, by namespace. */
    Map<String, AccountFeature> byNamespace() {
        return byNamespace;
    }

    private static Map<String, AccountFeature> index(List<AccountFeature> features) {
        Map<String, AccountFeature> m = new HashMap<>();
        for (AccountFeature f : features) {
            for (String ns : f.accountIqNamespaces()) {
                if (m.putIfAbsent(ns, f) != null) {
                    throw new IllegalStateException("two account features answer " + ns);
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
