package im.hearth.protocol.feature.time;

import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An entity time answer (XEP-0202 section 2): the time in UTC and the entity's offset from UTC,
 * both in the XEP-0082 profiles ({@code 2006-12-19T17:58:35Z}, {@code -06:00}).
 */
public record EntityTime(Instant utc, ZoneOffset tzo) {
    public static final String NAMESPACE = "urn:xmpp:time";

    public Element toElement() {
        return Element.builder("time", NAMESPACE)
                .textChild("tzo", NAMESPACE, tzo(tzo))
                .textChild("utc", NAMESPACE, DateTimeFormatter.ISO_INSTANT.format(utc.truncatedTo(ChronoUnit.MILLIS)))
                .build();
    }

    /** XEP-0082 writes UTC as {@code Z} in dateTime but as {@code +00:00} in a bare offset. */
    static String tzo(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }

    public static Optional<EntityTime> parse(Element time) {
        try {
            Optional<String> tzo = time.childText("tzo", NAMESPACE);
            Optional<String> utc = time.childText("utc", NAMESPACE);
            if (!time.is("time", NAMESPACE) || tzo.isEmpty() || utc.isEmpty()) {
                return Optional.empty();
            }
            String offset = tzo.get().trim();
            return Optional.of(new EntityTime(Instant.parse(utc.get().trim()),
                    offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
