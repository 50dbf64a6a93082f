/**
 * Text extractors on timed transcripts ({@code word-lexicon}, {@code word-ids} and
 * {@code text-torchscript} live in the sub-packages {@code lexicon}, {@code vocab} and
 * {@code torchscript}; readers in {@code transcripts}; speech recognition in {@code asr}).
 * {@code word-tokens} places each word's features on a
 * fixed time grid, with a deterministic hashed embedding (the feature-hashing trick, Weinberger et
 * al., ICML 2009) and verbal markers of ambivalence/hesitancy (fillers, hedges, contrast,
 * negation, repetition, self-repair; cf. the BAH dataset, Belharbi et al. 2025).
 */
package org.mer4j.text;
