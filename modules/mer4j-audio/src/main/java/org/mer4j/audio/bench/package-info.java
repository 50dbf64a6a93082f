/**
 * Benchmark mains run by {@code tools/bench/voice-*.sh} through {@code tools/mer4j --class}:
 * agreement of mer4j's voice descriptors with Praat ({@link org.mer4j.audio.bench.VoiceVsPraat}) and
 * speed against Praat plus memory against input length ({@link org.mer4j.audio.bench.VoiceSpeed}).
 */
package org.mer4j.audio.bench;
