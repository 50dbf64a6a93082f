/**
 * Audio extractors working on decoded mono audio, one feature row per hop:
 * {@code prosody} (F0 by YIN, de Cheveigné and Kawahara 2002, through TarsosDSP; voicing; RMS
 * energy), {@code mfcc} (mel-frequency cepstral coefficients, Davis and Mermelstein 1980),
 * {@code logmel} (log mel energies), {@code egemaps-lld} and {@code egemaps} (the eGeMAPSv02
 * low-level descriptors and 88 functionals, Eyben et al., IEEE Trans. Affective Computing 2016, on a
 * Praat-style voice analysis after Boersma 1993) and {@code vad} (voice activity, pauses and
 * syllable nuclei after de Jong and Wempe 2009). Sessions frame the audio incrementally as chunks
 * arrive ({@link org.mer4j.audio.HopFramer}, {@link org.mer4j.audio.VoiceAnalyzer}) so a clip is never
 * held whole.
 */
package org.mer4j.audio;
