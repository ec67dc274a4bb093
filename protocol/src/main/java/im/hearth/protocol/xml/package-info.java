/**
 * The immutable element tree ({@link im.hearth.protocol.xml.Element}, {@link im.hearth.protocol.xml.Text})
 * and its writer ({@link im.hearth.protocol.xml.XmlWriter}), which drops characters XML 1.0 does not
 * allow so that everything it writes can be read back by the stream parser.
 */
package im.hearth.protocol.xml;
