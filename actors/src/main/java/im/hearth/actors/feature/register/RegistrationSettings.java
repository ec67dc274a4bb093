package im.hearth.actors.feature.register;

import com.typesafe.config.Config;

/**
 * The {@code hearth.registration} section: whether anyone may create an account from a client
 * (Prosody's {@code allow_registration}), and how many accounts one address may create per hour.
 */
public record RegistrationSettings(boolean allow, int perAddressPerHour) {

    public static final RegistrationSettings OFF = new RegistrationSettings(false, 0);

    public static RegistrationSettings fromConfig(Config root) {
        boolean allow = root.getBoolean("hearth.registration.allow");
        int limit = root.getInt("hearth.registration.per-address-per-hour");
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("bad configuration: hearth.registration.per-address-per-hour must be between 1 and 10000");
        }
        return new RegistrationSettings(allow, limit);
    }
}
