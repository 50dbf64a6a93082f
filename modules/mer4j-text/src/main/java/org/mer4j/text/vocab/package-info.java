/**
 * Learned token embeddings: stable 24-bit {@link org.mer4j.text.vocab.WordIds}, the
 * {@code word-ids} extractor, and the fold-level {@link org.mer4j.text.vocab.TokenVocabulary}
 * (PAD=0, UNK=1) that maps ids to embedding rows.
 */
package org.mer4j.text.vocab;
