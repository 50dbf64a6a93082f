/**
 * Experiments from YAML: typed, validated configs with {@code extends} and dotted overrides,
 * subject-independent protocols, the runner that turns a config into immutable run folders
 * (resolved config, metrics, predictions, provenance), and the summary table built from them.
 */
package org.mer4j.experiments;
