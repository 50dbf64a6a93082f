/**
 * Seeded synthetic multimodal corpus for mer4j: talking-face videos rendered with OpenCV,
 * speech-like audio from a source-filter synthesiser and timed word transcripts, whose
 * segment-level cross-modal discord defines ambivalence/hesitancy (A/H) and inconsistency labels,
 * with valence/arousal traces from each modality's circumplex prototype ({@link org.mer4j.synth.AffectTrace}).
 *
 * <p>Entry point: {@link org.mer4j.synth.CorpusGenerator#generate(SynthConfig, java.nio.file.Path)}.
 * Label planning ({@link org.mer4j.synth.ClipPlanner}) is separate from rendering so the label
 * design can be inspected and tested without media. An optional emotion-conflict design
 * ({@link org.mer4j.synth.ConflictDesign}, after CA-MER: Han et al., ACM MM 2025, arXiv:2508.01181)
 * puts each clip in a subset where all modalities, or only the face, the voice or the words, show
 * the true emotion.
 */
package org.mer4j.synth;
