package im.hearth.actors.admin;

import im.hearth.actors.auth.Credentials;
import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.actors.routing.Router;
import im.hearth.actors.user.UserEntity;
import im.hearth.protocol.jid.BareJid;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Account administration shared by the CLI and (later) the XEP-0133 ad-hoc commands: every change
 * goes through the account's User entity, so there is only ever one writer of its journal.
 */
public final class Accounts {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Router router;
    private final Executor authExecutor;
    private final FeatureCatalogue features;

    public Accounts(Router router, Executor authExecutor, FeatureCatalogue features) {
        this.router = router;
        this.authExecutor = authExecutor;
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

    public CompletionStage<UserEntity.Result> changePassword(BareJid jid, String password) {
        return CompletableFuture.supplyAsync(() -> Credentials.derive(password), authExecutor)
                .thenCompose(creds -> router.user(jid.toString())
                        .ask(replyTo -> new UserEntity.ChangeCredentials(creds, replyTo), TIMEOUT));
    }
}
