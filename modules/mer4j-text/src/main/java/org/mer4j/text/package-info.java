/**
 * Text extractors on timed transcripts: {@code word-tokens} places each word's features on a
 * fixed time grid, with a deterministic hashed embedding (the feature-hashing trick, Weinberger et
 * al., ICML 2009) and verbal markers of ambivalence/hesitancy (fillers, hedges, contrast,
 * negation, repetition; cf. the BAH dataset, Belharbi et al. 2025).
 */
package org.mer4j.text;
