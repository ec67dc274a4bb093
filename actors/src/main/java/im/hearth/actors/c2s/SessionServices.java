package im.hearth.actors.c2s;

import im.hearth.actors.auth.LoginThrottle;
import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.actors.feature.adhoc.AdHocCommands;
import im.hearth.actors.feature.csi.CsiSettings;
import im.hearth.actors.feature.sm.SmSettings;
import im.hearth.actors.feature.register.InBandRegistration;
import im.hearth.actors.routing.Router;
import java.util.concurrent.Executor;

/**
 * What every client session of a node shares: settings, the router, the feature catalogue, the
 * login throttle, the TLS certificate's channel-binding data (RFC 5929 tls-server-end-point) and
 * the executor for CPU-heavy authentication work, and in-band registration (XEP-0077, which
 * needs the stream itself: before authentication, and to close it after an account's removal),
 * the admin commands (XEP-0050/0133: they need the requester and answer later), the registry
 * of this node's bound sessions, the stream management (XEP-0198) and client state indication
 * (XEP-0352) settings, and this node's resumable sessions.
 */
public record SessionServices(
        HearthSettings settings,
        Router router,
        FeatureCatalogue features,
        LoginThrottle throttle,
        byte[] tlsServerEndPoint,
        Executor authExecutor,
        InBandRegistration registration,
        AdHocCommands adhoc,
        OnlineSessions online,
        SmSettings sm,
        CsiSettings csi,
        ResumableSessions resumable) {

    /** Without in-band registration: for tests of the stream alone. */
    public SessionServices(HearthSettings settings, Router router, FeatureCatalogue features, LoginThrottle throttle,
                           byte[] tlsServerEndPoint, Executor authExecutor) {
        this(settings, router, features, throttle, tlsServerEndPoint, authExecutor, null, null, new OnlineSessions(),
                SmSettings.DEFAULTS, CsiSettings.DEFAULTS, new ResumableSessions());
    }
}
