package im.hearth.protocol.sasl;

import java.util.Arrays;
import java.util.Objects;

/** What a {@link ServerMechanism} wants next: the caller turns it into XML or a lookup. */
public sealed interface SaslStep permits SaslStep.Challenge, SaslStep.NeedCredential, SaslStep.Success,
        SaslStep.Failure {

    /** Send {@code <challenge/>} with {@code data} (empty: an empty challenge, "="). */
    record Challenge(byte[] data) implements SaslStep {
        public Challenge {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Challenge c && Arrays.equals(data, c.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Challenge[" + data.length + " bytes]";
        }
    }

    /**
     * Look up the account {@code username} (a prepared localpart of the context's domain) and
     * call {@link ServerMechanism#credential} with its credential, or empty if there is none.
     */
    record NeedCredential(String username) implements SaslStep {
        public NeedCredential {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Authenticated as {@code username} (prepared localpart); send {@code <success/>} with
     * {@code additionalData} (the SCRAM server-final message), or without data when it is null.
     */
    record Success(String username, byte[] additionalData) implements SaslStep {
        public Success {
            Objects.requireNonNull(username, "username");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Success s && username.equals(s.username)
                    && Arrays.equals(additionalData, s.additionalData);
        }

        @Override
        public int hashCode() {
            return 31 * username.hashCode() + Arrays.hashCode(additionalData);
        }

        @Override
        public String toString() {
            return "Success[" + username + (additionalData == null ? "" : ", " + additionalData.length + " bytes") + "]";
        }
    }

    /** Send {@code <failure/>} with the condition and {@code text} (null for none). */
    record Failure(SaslFailure failure, String text) implements SaslStep {
        public Failure {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
