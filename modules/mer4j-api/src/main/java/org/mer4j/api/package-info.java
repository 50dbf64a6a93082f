/**
 * The shared vocabulary of mer4j: clips and manifests, labels, timed words, feature tracks and the
 * extractor plug-in interfaces. This module depends on nothing heavier than Jackson, so every other
 * module (and every user plug-in) can depend on it.
 */
package org.mer4j.api;
