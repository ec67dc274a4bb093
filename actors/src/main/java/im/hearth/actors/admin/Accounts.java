package im.hearth.actors.admin;

import im.hearth.actors.auth.Credentials;
import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.actors.routing.Router;
import im.hearth.actors.user.UserEntity;
import im.hearth.persistence.db.PekkoPersistenceConfig;
import im.hearth.persistence.event.PersistenceIds;
import im.hearth.protocol.jid.BareJid;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Account administration shared by the CLI, in-band registration (XEP-0077) and the XEP-0133
 * ad-hoc commands: every change goes through the account's User entity, so there is only ever one
 * writer of its journal.
 */
public final class Accounts {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String USER_PREFIX = PersistenceIds.USER_TYPE + PersistenceIds.SEPARATOR;
    private final Router router;
    private final Executor authExecutor;
    private final ActorSystem<?> system;
    private final FeatureCatalogue features;

    public Accounts(Router router, Executor authExecutor, ActorSystem<?> system, FeatureCatalogue features) {
        this.router = router;
        this.authExecutor = authExecutor;
        this.system = system;
        this.features = features;
    }

    /** Creates the account; once it exists, routes what the features send on a new account (welcome, notices). */
    public CompletionStage<UserEntity.Result> create(BareJid jid, String password) {
        return CompletableFuture.supplyAsync(() -> Credentials.derive(password), authExecutor)
                .thenCompose(creds -> router.user(jid.toString())
                        .ask((ActorRef<UserEntity.Result> replyTo) -> new UserEntity.CreateAccount(creds, replyTo), TIMEOUT))
                .thenApply(result -> {
                    if (result == UserEntity.Result.DONE) {
                        features.onAccountCreated(jid).forEach(router::route);
                    }
                    return result;
                });
    }

    public CompletionStage<UserEntity.Stats> stats(BareJid jid) {
        return router.user(jid.toString()).ask(UserEntity.GetStats::new, TIMEOUT);
    }

    public CompletionStage<UserEntity.RosterItems> roster(BareJid jid) {
        return router.user(jid.toString()).ask(UserEntity.GetRoster::new, TIMEOUT);
    }

    public CompletionStage<UserEntity.Result> changePassword(BareJid jid, String password) {
        return CompletableFuture.supplyAsync(() -> Credentials.derive(password), authExecutor)
                .thenCompose(creds -> router.user(jid.toString())
                        .ask(replyTo -> new UserEntity.ChangeCredentials(creds, replyTo), TIMEOUT));
    }

    /** Removes the account (a tombstone in its journal) and closes its sessions. */
    public CompletionStage<UserEntity.Result> remove(BareJid jid, String reason) {
        return router.user(jid.toString()).ask(replyTo -> new UserEntity.RemoveAccount(reason, replyTo), TIMEOUT);
    }

    /**
     * Every existing account, sorted. The cost grows with every account ever created: it reads all
     * persistence ids from the journal, then asks each User entity whether its account exists
     * (waking it up, and recovering it from its snapshot). Fine for a friends-and-family server
     * with hundreds of accounts; a large one needs a user-directory read side instead.
     */
    public CompletionStage<List<BareJid>> list() {
        JdbcReadJournal journal = PersistenceQuery.get(system)
                .getReadJournalFor(JdbcReadJournal.class, PekkoPersistenceConfig.READ_JOURNAL_PLUGIN_ID);
        return journal.currentPersistenceIds()
                .filter(id -> id.startsWith(USER_PREFIX))
                .map(id -> BareJid.parse(id.substring(USER_PREFIX.length())))
                .mapAsyncUnordered(8, jid -> stats(jid).thenApply(s -> s.exists() ? Optional.of(jid) : Optional.<BareJid>empty()))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .runWith(Sink.seq(), system)
                .thenApply(all -> all.stream().sorted(Comparator.comparing(BareJid::toString)).toList());
    }
}
