/**
 * Word-level affect lexicons ({@link org.mer4j.text.lexicon.Lexicon}; AFINN-165, Nielsen 2011, by
 * default; Warriner et al. 2013 layout supported) and the {@code word-lexicon} extractor with
 * negation handling ({@link org.mer4j.text.lexicon.NegationScope}).
 */
package org.mer4j.text.lexicon;
