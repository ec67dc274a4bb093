package im.hearth.actors.feature.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.actors.feature.roster.Subscription.Kind;
import im.hearth.actors.feature.roster.Subscription.Transition;
import im.hearth.actors.feature.roster.Subscription.Type;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of RFC 6121's subscription state tables (Appendix A.2 for outbound, A.3 for inbound
 * stanzas): nine states times four stanza types, both directions. A row reads
 * "existing state, stanza, new state, routed/delivered". State names as in the RFC:
 * N = None, T = To, F = From, B = Both, +PO = Pending Out, +PI = Pending In.
 */
class SubscriptionTest {

    private static final Map<String, Subscription> STATES = Map.of(
            "N", state(Kind.NONE, false, false),
            "N+PO", state(Kind.NONE, true, false),
            "N+PI", state(Kind.NONE, false, true),
            "N+PO+PI", state(Kind.NONE, true, true),
            "T", state(Kind.TO, false, false),
            "T+PI", state(Kind.TO, false, true),
            "F", state(Kind.FROM, false, false),
            "F+PO", state(Kind.FROM, true, false),
            "B", state(Kind.BOTH, false, false));

    private static Subscription state(Kind kind, boolean out, boolean in) {
        return new Subscription(kind, out, in, false);
    }

    // A.2.1 - A.2.4 (pre-approvals are checked separately below).
    private static final String[] OUTBOUND = {
        "N subscribe N+PO yes", "N+PO subscribe N+PO yes", "N+PI subscribe N+PO+PI yes", "N+PO+PI subscribe N+PO+PI yes",
        "T subscribe T yes", "T+PI subscribe T+PI yes", "F subscribe F+PO yes", "F+PO subscribe F+PO yes", "B subscribe B yes",

        "N unsubscribe N yes", "N+PO unsubscribe N yes", "N+PI unsubscribe N+PI yes", "N+PO+PI unsubscribe N+PI yes",
        "T unsubscribe N yes", "T+PI unsubscribe N+PI yes", "F unsubscribe F yes", "F+PO unsubscribe F yes", "B unsubscribe F yes",

        "N+PI subscribed F yes", "N+PO+PI subscribed F+PO yes", "T+PI subscribed B yes",
        "F subscribed F no", "F+PO subscribed F+PO no", "B subscribed B no",

        "N unsubscribed N no", "N+PO unsubscribed N+PO no", "N+PI unsubscribed N yes", "N+PO+PI unsubscribed N+PO yes",
        "T unsubscribed T no", "T+PI unsubscribed T yes", "F unsubscribed N yes", "F+PO unsubscribed N+PO yes", "B unsubscribed T yes",
    };

    // A.3.1 - A.3.4.
    private static final String[] INBOUND = {
        "N subscribe N+PI yes", "N+PO subscribe N+PO+PI yes", "N+PI subscribe N+PI no", "N+PO+PI subscribe N+PO+PI no",
        "T subscribe T+PI yes", "T+PI subscribe T+PI no", "F subscribe F no", "F+PO subscribe F+PO no", "B subscribe B no",

        "N unsubscribe N no", "N+PO unsubscribe N+PO no", "N+PI unsubscribe N yes", "N+PO+PI unsubscribe N+PO yes",
        "T unsubscribe T no", "T+PI unsubscribe T yes", "F unsubscribe N yes", "F+PO unsubscribe N+PO yes", "B unsubscribe T yes",

        "N subscribed N no", "N+PO subscribed T yes", "N+PI subscribed N+PI no", "N+PO+PI subscribed T+PI yes",
        "T subscribed T no", "T+PI subscribed T+PI no", "F subscribed F no", "F+PO subscribed B yes", "B subscribed B no",

        "N unsubscribed N no", "N+PO unsubscribed N yes", "N+PI unsubscribed N+PI no", "N+PO+PI unsubscribed N+PI yes",
        "T unsubscribed N yes", "T+PI unsubscribed N+PI yes", "F unsubscribed F no", "F+PO unsubscribed F yes", "B unsubscribed F yes",
    };

    static Stream<Arguments> outboundRows() {
        return Stream.of(OUTBOUND).map(Arguments::of);
    }

    static Stream<Arguments> inboundRows() {
        return Stream.of(INBOUND).map(Arguments::of);
    }

    @ParameterizedTest(name = "outbound {0}")
    @MethodSource("outboundRows")
    void outboundStanzaFollowsAppendixA2(String row) {
        check(row, true);
    }

    @ParameterizedTest(name = "inbound {0}")
    @MethodSource("inboundRows")
    void inboundStanzaFollowsAppendixA3(String row) {
        check(row, false);
    }

    private static void check(String row, boolean outbound) {
        String[] r = row.split(" ");
        Subscription before = STATES.get(r[0]);
        Type type = Type.of(r[1]).orElseThrow();
        Transition t = outbound ? before.outbound(type) : before.inbound(type);
        assertEquals(STATES.get(r[2]), t.state(), row);
        assertEquals(r[3].equals("yes"), t.forward(), row + " (routed/delivered)");
    }

    @ParameterizedTest(name = "pre-approval from {0}")
    @MethodSource("preApprovable")
    void subscribedWithoutARequestIsAPreApprovalThatGrantsTheNextSubscribe(String name) {
        Subscription before = STATES.get(name);
        Transition approve = before.outbound(Type.SUBSCRIBED);
        assertEquals(false, approve.forward(), "a pre-approval is not routed (RFC 6121 3.4)");
        assertEquals(true, approve.state().preApproved());
        Transition request = approve.state().inbound(Type.SUBSCRIBE);
        assertEquals(Optional.of(Type.SUBSCRIBED), request.autoReply());
        assertEquals(false, request.forward());
        assertEquals(true, request.state().kind().from());
        assertEquals(false, request.state().preApproved());
    }

    static Stream<Arguments> preApprovable() {
        return Stream.of("N", "N+PO", "T").map(Arguments::of);
    }

    @ParameterizedTest(name = "auto-reply in {0}")
    @MethodSource("subscribedFrom")
    void subscribeFromAContactThatAlreadyHasASubscriptionIsAnsweredByTheServer(String name) {
        Transition t = STATES.get(name).inbound(Type.SUBSCRIBE);
        assertEquals(Optional.of(Type.SUBSCRIBED), t.autoReply());
    }

    static Stream<Arguments> subscribedFrom() {
        return Stream.of("F", "F+PO", "B").map(Arguments::of);
    }

    @org.junit.jupiter.api.Test
    void unsubscribedCancelsAPreApproval() {
        Subscription pre = Subscription.NONE.outbound(Type.SUBSCRIBED).state();
        Transition t = pre.outbound(Type.UNSUBSCRIBED);
        assertEquals(Subscription.NONE, t.state());
    }
}
