package im.hearth.actors;

import com.typesafe.config.Config;
import im.hearth.actors.admin.Accounts;
import im.hearth.actors.admin.AdminListener;
import im.hearth.actors.auth.LoginThrottle;
import im.hearth.actors.c2s.C2sListener;
import im.hearth.actors.c2s.SessionServices;
import im.hearth.actors.cluster.Entities;
import im.hearth.actors.cluster.Projections;
import im.hearth.actors.feature.mam.ArchiveRetention;
import im.hearth.persistence.db.PekkoPersistenceConfig;
import im.hearth.persistence.projection.archive.ArchiveReader;
import im.hearth.persistence.projection.archive.ArchiveStore;
import im.hearth.actors.config.HearthConfig;
import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.actors.feature.adhoc.AdHocCommands;
import im.hearth.actors.feature.adhoc.AdminSettings;
import im.hearth.actors.c2s.OnlineSessions;
import im.hearth.actors.c2s.ResumableSessions;
import im.hearth.actors.feature.register.InBandRegistration;
import im.hearth.actors.feature.register.RegistrationSettings;
import im.hearth.actors.net.TlsMaterial;
import im.hearth.actors.routing.Router;
import im.hearth.persistence.db.DatabaseSettings;
import im.hearth.persistence.db.Migrations;
import im.hearth.protocol.sasl.SaslMechanisms;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.stream.javadsl.Tcp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Hearth node: migrates the database, starts the actor system (a cluster of one unless seed
 * nodes are configured), initialises the sharded entities, and binds the client and admin listeners.
 */
public final class HearthServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HearthServer.class);

    private final ActorSystem<Void> system;
    private final HearthSettings settings;
    private final TlsMaterial tls;
    private final Accounts accounts;
    private final List<Tcp.ServerBinding> bindings;
    private final Tcp.ServerBinding starttls;
    private final Tcp.ServerBinding directTls;
    private final AdminListener admin;
    private final ArchiveStore archive;

    private HearthServer(ActorSystem<Void> system, HearthSettings settings, TlsMaterial tls, Accounts accounts,
                         Tcp.ServerBinding starttls, Tcp.ServerBinding directTls, AdminListener admin,
                         ArchiveStore archive) {
        this.system = system;
        this.archive = archive;
        this.settings = settings;
        this.tls = tls;
        this.accounts = accounts;
        this.starttls = starttls;
        this.directTls = directTls;
        this.admin = admin;
        this.bindings = new ArrayList<>();
        if (starttls != null) {
            bindings.add(starttls);
        }
        if (directTls != null) {
            bindings.add(directTls);
        }
    }

    /** Starts a node with its listeners; blocks until they accept connections. */
    public static HearthServer start(Config config) throws Exception {
        return start(config, true);
    }

    /**
     * @param listeners false for the CLI's own node when no server runs: entities only, no sockets
     */
    public static HearthServer start(Config config, boolean listeners) throws Exception {
        HearthSettings settings = HearthSettings.fromConfig(config);
        Files.createDirectories(settings.dataDir());
        DatabaseSettings db = HearthConfig.database(config);
        Migrations.migrate(db);
        TlsMaterial tls = settings.tls().generated()
                ? TlsMaterial.selfSigned(settings.dataDir().resolve("tls"), settings.defaultHost())
                : TlsMaterial.fromPem(Path.of(settings.tls().certificate()), Path.of(settings.tls().key()));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "hearth", config);
        ArchiveStore archive = null;
        try {
            archive = ArchiveStore.open(db);
            Cluster cluster = Cluster.get(system);
            if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
            }
            Executor jdbc = system.dispatchers().lookup(
                    DispatcherSelector.fromConfig(PekkoPersistenceConfig.BLOCKING_JDBC_DISPATCHER));
            FeatureCatalogue features = new FeatureCatalogue(settings, Clock.systemUTC(),
                    new ArchiveReader(system, archive.repository(), jdbc));
            Router router = new Router(settings, system, features::handleServerStanza);
            Entities.init(system, router, features);
            if (features.enabled("mam")) {
                // With MAM off nobody reads the index; the projections catch up from their
                // offsets once it is switched on again.
                Projections.init(system, archive);
            }
            ArchiveRetention.schedule(system, settings.archive(), archive.repository(), jdbc);
            Executor authExecutor = system.dispatchers().lookup(DispatcherSelector.fromConfig("hearth-auth-dispatcher"));
            Accounts accounts = new Accounts(router, authExecutor, system, features);
            if (!listeners) {
                return new HearthServer(system, settings, tls, accounts, null, null, null, archive);
            }
            OnlineSessions online = new OnlineSessions();
            ResumableSessions resumable = new ResumableSessions();
            SessionServices services = new SessionServices(settings, router, features,
                    new LoginThrottle(settings.loginThrottle(), Clock.systemUTC()),
                    SaslMechanisms.tlsServerEndPoint(tls.certificate()), authExecutor,
                    new InBandRegistration(RegistrationSettings.fromConfig(config), accounts, Clock.systemUTC()),
                    new AdHocCommands(AdminSettings.of(settings.admins()), accounts, online, settings::hosts,
                            features.motd(), features.welcome()), online,
                    im.hearth.actors.feature.sm.SmSettings.fromConfig(config),
                    im.hearth.actors.feature.csi.CsiSettings.fromConfig(config), resumable);
            resumable.saveOnShutdown(system);
            HearthSettings.C2s c2s = settings.c2s();
            Tcp.ServerBinding starttls = c2s.starttlsPort() < 0 ? null : C2sListener.bind(system, services,
                    tls::newServerEngine, "starttls", c2s.starttlsPort(), false).toCompletableFuture().get(30, TimeUnit.SECONDS);
            Tcp.ServerBinding direct = c2s.directTlsPort() < 0 ? null : C2sListener.bind(system, services,
                    tls::newServerEngine, "direct-tls", c2s.directTlsPort(), true).toCompletableFuture().get(30, TimeUnit.SECONDS);
            AdminListener admin = settings.admin().port() < 0 ? null
                    : AdminListener.start(system, settings, accounts);
            if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
                // XEP-0198: sessions saved by the last run wait again (and expire into offline storage).
                resumable.recoverHibernated(system, services).whenComplete((n, e) -> {
                    if (e != null) {
                        log.error("recovering hibernated c2s sessions failed", e);
                    } else if (n > 0) {
                        log.info("{} c2s sessions that hibernated lately checked against their journals", n);
                    }
                });
            }
            HearthServer server = new HearthServer(system, settings, tls, accounts, starttls, direct, admin, archive);
            log.info("Hearth started for {}: c2s STARTTLS on {}, direct TLS on {}, database {}, certificate SHA-256 {}",
                    settings.hosts(), describe(starttls), describe(direct), db.kind(), tls.fingerprintSha256());
            return server;
        } catch (Exception | Error e) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (archive != null) {
                archive.close();
            }
            throw e;
        }
    }

    private static String describe(Tcp.ServerBinding b) {
        if (b == null) {
            return "off";
        }
        InetSocketAddress a = b.localAddress();
        return a.getHostString() + ":" + a.getPort();
    }

    public int starttlsPort() {
        return starttls == null ? -1 : starttls.localAddress().getPort();
    }

    public int directTlsPort() {
        return directTls == null ? -1 : directTls.localAddress().getPort();
    }

    public TlsMaterial tls() {
        return tls;
    }

    public HearthSettings settings() {
        return settings;
    }

    /** The archive read side (its index and the retention's SQL). */
    public ArchiveStore archive() {
        return archive;
    }

    public Accounts accounts() {
        return accounts;
    }

    public ActorSystem<Void> system() {
        return system;
    }

    /** Stops accepting, closes every connection with the actor system, and waits for it. */
    @Override
    public void close() throws Exception {
        if (admin != null) {
            admin.close();
        }
        for (Tcp.ServerBinding b : bindings) {
            b.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
        archive.close();
        log.info("Hearth stopped");
    }
}
