/**
 * Offline speech recognition for clips without transcripts: named
 * {@link org.mer4j.text.asr.SpeechRecognizer}s ({@code pocketsphinx} over Debian's
 * pocketsphinx_continuous, Huggins-Daines et al. 2006; {@code vosk} over the Vosk/Kaldi Java
 * binding with a user-supplied model), media conversion to 16 kHz mono WAV
 * ({@link org.mer4j.text.asr.Wav16k}), and a cached transcript source keyed by media sha256
 * ({@link org.mer4j.text.asr.AsrWordSource}). Both engines are optional: when missing they fail
 * with the exact install step.
 */
package org.mer4j.text.asr;
