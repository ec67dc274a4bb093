package im.hearth.protocol.xml;

/** A node of the immutable element tree: an {@link Element} or a {@link Text}. */
public sealed interface Node permits Element, Text {
}
