package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.e2e.TestDatabases;
import im.hearth.actors.e2e.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * XEP-0313 and XEP-0441 in literal XML against one server on embedded PostgreSQL, with a page cap
 * of 3: the form, paging by ids, and every kind of bad query (malformed forms, dates, JIDs and
 * numbers are bad-request; unknown ids item-not-found; a huge max is capped; someone else's archive
 * is forbidden), after which the archive still answers; preferences keep a contact out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MamBadInputIT {
    private static final String PASSWORD = "secret-password";
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Pattern RESULT = Pattern.compile("<result xmlns='urn:xmpp:mam:2'[^>]* id='([^']+)'.*?<body>([^<]*)</body>",
            Pattern.DOTALL);
    private static final String FORM = "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
            + "<value>urn:xmpp:mam:2</value></field>";

    private RawServer raw;

    @BeforeAll
    void startServer() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-mam-bad"),
                TestDatabases.newPostgresDatabase());
        settings.put("hearth.archive.max-page-size", 3);
        settings.put("hearth.archive.default-page-size", 2);
        raw = RawServer.start(settings, PASSWORD, List.of("alice", "bob", "mallory", "erin"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    private RawClient login(String user, String resource) throws IOException {
        return raw.login(user, resource);
    }

    /** Sends an IQ with a fresh id (the XML's {@code ID} placeholder); returns all read up to its answer. */
    private static String iq(RawClient c, String xml) throws IOException {
        String id = "q" + IDS.incrementAndGet();
        c.send(xml.replace("ID", id));
        return c.readUntil(Pattern.compile("<iq[^>]*id='" + id + "'[^>]*(/>|>.*?</iq>)", Pattern.DOTALL));
    }

    private static String query(RawClient c, String inside) throws IOException {
        return iq(c, "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2' queryid='f1'>" + inside + "</query></iq>");
    }

    /** (archive id, body) of each result, in the order received. */
    private static List<String[]> results(String answer) {
        List<String[]> out = new ArrayList<>();
        Matcher m = RESULT.matcher(answer);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    private static List<String> bodies(String answer) {
        return results(answer).stream().map(r -> r[1]).toList();
    }

    private static void assertError(String reply, String condition) {
        assertTrue(reply.contains("type='error'") && reply.contains("<" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'"),
                "expected " + condition + ": " + reply);
    }

    @Test
    void formBadQueriesAndCappedPagesAndIdsThenTheArchiveStillAnswers() throws IOException {
        try (RawClient alice = login("alice", "home"); RawClient mallory = login("mallory", "snoop")) {
            for (int i = 0; i < 5; i++) {
                alice.send("<message to='bob@localhost' type='chat' id='m" + i + "'><body>b" + i + "</body></message>");
            }
            // Form discovery (XEP-0313 4.1.5).
            String form = iq(alice, "<iq type='get' id='ID'><query xmlns='urn:xmpp:mam:2'/></iq>");
            assertTrue(form.contains("type='result'") && form.contains("var='after-id'") && form.contains("var='ids'"), form);

            String page = query(alice, "");
            assertEquals(List.of("b0", "b1"), bodies(page), "default page size 2");
            assertTrue(page.contains("<first>") && page.contains("<last>") && !page.contains("complete='true'"), page);
            String huge = query(alice, "<set xmlns='http://jabber.org/protocol/rsm'><max>99999999999999</max></set>");
            assertEquals(List.of("b0", "b1", "b2"), bodies(huge), "capped at 3, not refused");
            List<String[]> all = results(huge);

            String ids = query(alice, FORM + "<field var='ids'><value>" + all.get(2)[0] + "</value><value>"
                    + all.get(0)[0] + "</value></field></x>");
            assertEquals(List.of("b0", "b2"), bodies(ids));
            String afterId = query(alice, FORM + "<field var='after-id'><value>" + all.get(2)[0] + "</value></field></x>");
            assertEquals(List.of("b3", "b4"), bodies(afterId));
            assertTrue(afterId.contains("complete='true'"), afterId);
            String before = query(alice, "<set xmlns='http://jabber.org/protocol/rsm'><max>1</max><before>"
                    + all.get(1)[0] + "</before></set>");
            assertEquals(List.of("b0"), bodies(before));
            assertTrue(before.contains("complete='true'"), before);

            assertError(query(alice, FORM + "<field var='start'><value>last tuesday</value></field></x>"), "bad-request");
            assertError(query(alice, FORM + "<field var='end'><value>2024-02-30T25:00:00Z</value></field></x>"), "bad-request");
            assertError(query(alice, FORM + "<field var='with'><value>a@b@c/</value></field></x>"), "bad-request");
            assertError(query(alice, FORM + "<field var='favourite'><value>x</value></field></x>"), "bad-request");
            assertError(query(alice, "<x xmlns='jabber:x:data' type='form'/>"), "bad-request");
            assertError(query(alice, "<set xmlns='http://jabber.org/protocol/rsm'><max>-5</max></set>"), "bad-request");
            assertError(query(alice, "<set xmlns='http://jabber.org/protocol/rsm'><max>many</max></set>"), "bad-request");
            assertError(query(alice, FORM + "<field var='after-id'><value>no-such-id</value></field></x>"), "item-not-found");
            assertError(query(alice, FORM + "<field var='before-id'><value>nope</value></field></x>"), "item-not-found");
            assertError(query(alice, "<set xmlns='http://jabber.org/protocol/rsm'><after>nope</after></set>"), "item-not-found");
            // Someone else's archive: not for mallory, and nothing of alice's leaks.
            String snoop = iq(mallory, "<iq type='set' to='alice@localhost' id='ID'><query xmlns='urn:xmpp:mam:2'/></iq>");
            assertError(snoop, "forbidden");
            assertTrue(bodies(snoop).isEmpty(), snoop);

            // After all that, the last page is still served (empty <before/>: XEP-0059 2.5).
            String last = query(alice, "<set xmlns='http://jabber.org/protocol/rsm'><before/></set>");
            assertEquals(List.of("b3", "b4"), bodies(last));
        }
    }

    @Test
    void preferencesKeepAContactOutButItsMessageIsStillDeliveredLater() throws IOException {
        try (RawClient erin = login("erin", "home")) {
            String defaults = iq(erin, "<iq type='get' id='ID'><prefs xmlns='urn:xmpp:mam:2'/></iq>");
            assertTrue(defaults.contains("default='always'"), defaults);
            assertError(iq(erin, "<iq type='set' id='ID'><prefs xmlns='urn:xmpp:mam:2' default='sometimes'/></iq>"),
                    "bad-request");
            assertError(iq(erin, "<iq type='set' id='ID'><prefs xmlns='urn:xmpp:mam:2' default='always'><never>"
                    + "<jid>@@@</jid></never></prefs></iq>"), "jid-malformed");
            String set = iq(erin, "<iq type='set' id='ID'><prefs xmlns='urn:xmpp:mam:2' default='always'>"
                    + "<always/><never><jid>Bob@LocalHost</jid></never></prefs></iq>");
            assertTrue(set.contains("<never><jid>bob@localhost</jid></never>"), set);
            String get = iq(erin, "<iq type='get' id='ID'><prefs xmlns='urn:xmpp:mam:2'/></iq>");
            assertTrue(get.contains("<never><jid>bob@localhost</jid></never>"), get);
            try (RawClient bob = login("bob", "home")) {
                bob.send("<presence/>");
                bob.send("<message to='erin@localhost' type='chat' id='x1'><body>off the record</body></message>");
                bob.send("<message to='alice@localhost' type='chat' id='x2'><body>on the record</body></message>");
                // A round trip, so the messages are taken before the stream closes.
                assertEquals(List.of("off the record"), bodies(query(bob, FORM
                        + "<field var='with'><value>erin@localhost</value></field></x>")));
            }
            // Erin was not available: kept offline though not archived, delivered on presence
            // (or live, should it arrive after it).
            erin.send("<presence/>");
            erin.readUntil("off the record");
            erin.send("<message to='alice@localhost' type='chat' id='x3'><body>for alice</body></message>");
            assertEquals(List.of("for alice"), bodies(query(erin, "")));
        }
    }
}
