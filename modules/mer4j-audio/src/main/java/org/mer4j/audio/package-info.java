/**
 * Audio extractors working on decoded mono audio, one feature row per hop:
 * {@code prosody} (F0 by YIN, de Cheveigné and Kawahara 2002, through TarsosDSP; voicing; RMS
 * energy) and {@code mfcc} (mel-frequency cepstral coefficients, Davis and Mermelstein 1980).
 * Sessions frame the audio incrementally as chunks arrive ({@link org.mer4j.audio.HopFramer}) so a
 * clip is never held whole.
 */
package org.mer4j.audio;
