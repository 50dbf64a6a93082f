/**
 * The pretrained all-MiniLM-L6-v2 sentence encoder ({@code text-minilm}; Reimers and Gurevych,
 * EMNLP 2019; Wang et al., NeurIPS 2020) from a Maven Central jar, run offline with ONNX Runtime
 * and tokenised with DJL's HuggingFace tokenizer: utterance embeddings per clip or contextual
 * word embeddings on the timeline.
 */
package org.mer4j.text.minilm;
