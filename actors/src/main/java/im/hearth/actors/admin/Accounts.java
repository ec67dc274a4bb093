package im.hearth.actors.admin;

import im.hearth.actors.auth.Credentials;
import im.hearth.actors.routing.Router;
import im.hearth.actors.user.UserEntity;
import im.hearth.protocol.jid.BareJid;
import java.time.Duration;
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

    public Accounts(Router router, Executor authExecutor) {
        this.router = router;
        this.authExecutor = authExecutor;
    }

    public CompletionStage<UserEntity.Result> create(BareJid jid, String password) {
        return CompletableFuture.supplyAsync(() -> Credentials.derive(password), authExecutor)
                .thenCompose(creds -> router.user(jid.toString())
                        .ask(replyTo -> new UserEntity.CreateAccount(creds, replyTo), TIMEOUT));
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
