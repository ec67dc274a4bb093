package im.hearth.persistence.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.PekkoSerialization;
import org.apache.pekko.persistence.jdbc.PekkoSerialization.PekkoSerialized;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.persistence.journal.Tagged;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.collection.immutable.Seq;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;
import scala.runtime.BoxedUnit;
import scala.util.Failure;
import scala.util.Success;
import scala.util.Try;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.PostgresProfile;

/**
 * The journal's data access with its own write path: the library's reads (recovery, highest
 * sequence number, deletes) are kept, but events are written by a {@link JournalWriter}, one
 * thread that commits whatever is waiting as one transaction with plain JDBC.
 *
 * <p>The library's writer batches the same rows, but through a stream, Slick's executor and a
 * continuation on the journal's dispatcher between the event and the tag inserts: each persisted
 * message crossed four thread pools, and on a small machine waking threads cost more than the
 * inserts (bench/README.md, "Where Hearth misses its targets"). Rows, tags and the failure rules
 * are the library's: serialized on the caller's thread; an atomic write that cannot be serialized
 * is rejected on its own; a failed transaction fails every write in it.
 */
public final class GroupCommitJournalDao extends DefaultJournalDao {

    private final Serialization serialization;
    private final JournalWriter writer;

    public GroupCommitJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, JournalConfig config,
            Serialization serialization, ExecutionContext ec, Materializer mat) {
        super(db, profile, config, serialization, ec, mat);
        this.serialization = serialization;
        this.writer = new JournalWriter(() -> db.source().createConnection(), ec::execute,
                profile instanceof PostgresProfile, config.daoConfig().batchSize(),
                config.daoConfig().bufferSize(), "hearth-journal-writer");
        mat.system().registerOnTermination(writer::stop);
    }

    @Override
    public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
        List<JournalWriter.Row> rows = new ArrayList<>();
        List<Try<BoxedUnit>> results = new ArrayList<>();
        for (AtomicWrite write : CollectionConverters.asJava(messages)) {
            try {
                List<JournalWriter.Row> these = new ArrayList<>();
                for (PersistentRepr repr : CollectionConverters.asJava(write.payload())) {
                    these.add(row(repr));
                }
                rows.addAll(these);
                results.add(new Success<>(BoxedUnit.UNIT));
            } catch (RuntimeException e) {
                results.add(new Failure<>(e));
            }
        }
        // As the library: an empty result means every write succeeded, else one Try per atomic write.
        Seq<Try<BoxedUnit>> outcome = results.stream().allMatch(Try::isSuccess)
                ? CollectionConverters.asScala(List.<Try<BoxedUnit>>of()).toList()
                : CollectionConverters.asScala(results).toList();
        CompletableFuture<Seq<Try<BoxedUnit>>> written = writer.write(rows).thenApply(done -> outcome);
        return FutureConverters.asScala(written);
    }

    private JournalWriter.Row row(PersistentRepr repr) {
        Object payload = repr.payload();
        Set<String> tags = Set.of();
        if (payload instanceof Tagged tagged) {
            payload = tagged.payload();
            tags = CollectionConverters.asJava(tagged.tags());
        }
        PekkoSerialized event = PekkoSerialization.serialize(serialization, payload).get();
        // Metadata that cannot be serialized is left out, as the library does.
        PekkoSerialized meta = repr.metadata().isDefined()
                ? PekkoSerialization.serialize(serialization, repr.metadata().get()).toOption().getOrElse(() -> null)
                : null;
        return new JournalWriter.Row(repr.persistenceId(), repr.sequenceNr(), repr.deleted(), repr.writerUuid(),
                repr.timestamp(), repr.manifest(), event.payload(), event.serId(), event.serManifest(),
                meta == null ? null : meta.payload(), meta == null ? null : meta.serId(),
                meta == null ? null : meta.serManifest(), tags);
    }
}
