/**
 * Client state indication (XEP-0352): the feature's entry in the catalogue (the stream feature)
 * and its settings. What an inactive client is spared is decided in {@code im.hearth.actors.c2s.ClientState}.
 */
package im.hearth.actors.feature.csi;
