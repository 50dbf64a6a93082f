package org.mer4j.text.asr;

/**
 * The {@code asr} section: which engine transcribes clips that have no transcript, and where its
 * word CSVs are cached.
 *
 * @param engine {@code pocketsphinx} or {@code vosk} (default {@code pocketsphinx})
 * @param cacheDir where produced word CSVs go (default {@code <mer4j cache>/asr}); files are
 *     {@code <cacheDir>/<engine>/<media sha256>.csv} in the BAH word-CSV format
 * @param pocketsphinx pocketsphinx settings (default Debian paths)
 * @param vosk vosk settings ({@code modelDir} required when the engine is vosk)
 */
public record AsrConfig(String engine, String cacheDir, PocketSphinxConfig pocketsphinx, VoskConfig vosk) {
    public AsrConfig {
        engine = engine == null || engine.isBlank() ? PocketSphinxRecognizer.NAME : engine;
        if (!SpeechRecognizers.NAMES.contains(engine)) {
            throw new IllegalArgumentException("asr.engine '" + engine + "' is unknown; known: " + SpeechRecognizers.NAMES);
        }
        pocketsphinx = pocketsphinx == null ? PocketSphinxConfig.defaults() : pocketsphinx;
        vosk = vosk == null ? new VoskConfig(null) : vosk;
    }

    /** pocketsphinx with Debian paths, cache under the mer4j cache. */
    public static AsrConfig defaults() {
        return new AsrConfig(null, null, null, null);
    }
}
