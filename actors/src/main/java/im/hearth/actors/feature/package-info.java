/**
 * The feature contract and the catalogue: one package per XEP below this one, each a
 * {@link im.hearth.actors.feature.Feature} registered by one line in
 * {@link im.hearth.actors.feature.FeatureCatalogue}.
 */
package im.hearth.actors.feature;
