package im.hearth.actors.feature.mam;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.persistence.projection.archive.ArchiveFilter;
import im.hearth.persistence.projection.archive.ArchiveReader;
import im.hearth.persistence.projection.archive.ArchiveRow;
import im.hearth.protocol.feature.mam.MamQuery;
import im.hearth.protocol.feature.mam.MamResult;
import im.hearth.protocol.feature.rsm.ResultSet;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One archive query (XEP-0313 section 4) from request to answer: the form and the XEP-0059 page
 * become an {@link ArchiveReader.Request}; its page becomes one result message per archived
 * stanza, then the IQ result with {@code <fin/>}. Malformed forms, dates and JIDs are bad-request
 * (4.1), ids the archive lacks item-not-found (4.3.2, XEP-0059 2.6).
 */
final class MamQueries {
    private static final Logger log = LoggerFactory.getLogger(MamQueries.class);

    private final MamSettings settings;
    private final ArchiveReader reader;

    MamQueries(MamSettings settings, ArchiveReader reader) {
        this.settings = settings;
        this.reader = reader;
    }

    AccountOutcome query(AccountRequest r) {
        MamQuery.Decoded decoded = MamQuery.parse(r.payload());
        if (decoded instanceof MamQuery.Decoded.Malformed m) {
            return AccountOutcome.reply(Stanzas.errorReply(r.iq(),
                    StanzaError.of(StanzaErrorCondition.BAD_REQUEST, m.reason())));
        }
        MamQuery q = ((MamQuery.Decoded.Query) decoded).query();
        ArchiveReader.Request request = request(r, q);
        CompletionStage<List<Element>> answer = reader.query(request)
                .thenApply(outcome -> answer(r, q, outcome))
                .exceptionally(failure -> {
                    log.error("MAM query of {} failed", r.account(), failure);
                    return List.of(Stanzas.errorReply(r.iq(), StanzaError.of(StanzaErrorCondition.INTERNAL_SERVER_ERROR)));
                });
        return new AccountOutcome(List.of(), List.of(new AccountOutcome.Effect.Later(answer)));
    }

    private ArchiveReader.Request request(AccountRequest r, MamQuery q) {
        String peer = null;
        String resource = null;
        if (q.with() != null) {
            // 4.1.1: a bare JID matches every resource of the contact, a full JID that one only.
            peer = q.with().bare().toString();
            resource = q.with().isFull() ? q.with().resource() : null;
        }
        ArchiveFilter filter = new ArchiveFilter(r.account().toString(), peer, resource, q.start(), q.end(), q.ids());
        List<String> after = new ArrayList<>();
        List<String> before = new ArrayList<>();
        if (q.afterId() != null) {
            after.add(q.afterId());
        }
        if (q.beforeId() != null) {
            before.add(q.beforeId());
        }
        ResultSet set = q.set();
        boolean backwards = set != null && set.backwards();
        if (set != null && set.after() != null && !set.after().isEmpty()) {
            after.add(set.after());
        }
        if (backwards && !set.before().isEmpty()) {
            before.add(set.before());
        }
        int max = settings.pageSize(set == null ? null : set.max());
        return new ArchiveReader.Request(filter, after, before, backwards, max, r.journalSeqNr());
    }

    private static List<Element> answer(AccountRequest r, MamQuery q, ArchiveReader.Outcome outcome) {
        if (outcome instanceof ArchiveReader.Outcome.UnknownId u) {
            return List.of(Stanzas.errorReply(r.iq(), StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND,
                    "no message with id " + u.id() + " in this archive")));
        }
        ArchiveReader.Outcome.Page page = (ArchiveReader.Outcome.Page) outcome;
        List<ArchiveRow> rows = new ArrayList<>(page.rows());
        if (q.flipPage()) {
            Collections.reverse(rows);
        }
        List<Element> out = new ArrayList<>(rows.size() + 1);
        String to = r.from().toString();
        String from = Stanzas.to(r.iq());
        for (ArchiveRow row : rows) {
            Element m = MamResult.message(to, q.queryId(), row.stanzaId(), row.at(), XmlReader.parse(row.stanzaXml()));
            out.add(from == null ? m : m.withAttr("from", from));
        }
        String first = rows.isEmpty() ? null : rows.get(0).stanzaId();
        String last = rows.isEmpty() ? null : rows.get(rows.size() - 1).stanzaId();
        out.add(Stanzas.iqResult(r.iq(), MamResult.fin(page.complete(), ResultSet.answer(first, last, null))));
        return out;
    }
}
