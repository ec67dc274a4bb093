package im.hearth.protocol.xml;

import java.util.Objects;

/** Character data, unescaped. */
public record Text(String value) implements Node {
    public Text {
        Objects.requireNonNull(value, "value");
    }
}
