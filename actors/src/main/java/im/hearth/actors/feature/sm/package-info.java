/**
 * Stream management (XEP-0198): the feature's entry in the catalogue (the stream feature) and its
 * settings. The protocol itself runs in the client session ({@code im.hearth.actors.c2s}:
 * {@code StreamManagement}, {@code Hibernation}, {@code ResumableSessions}), which owns the stream.
 */
package im.hearth.actors.feature.sm;
