package org.mer4j.audio;

/** Receives the smoothed eGeMAPS LLD rows of a {@link VoiceAnalyzer}, in step order. */
@FunctionalInterface
public interface VoiceFrameListener {
    /**
     * One hop.
     *
     * @param step hop index from the start of the stream (row time = start + step * 10 ms)
     * @param lld the 25 smoothed descriptors in {@link EgemapsLld} order (reused: copy what you keep)
     * @param voiced whether the hop is voiced (F0 column non-zero)
     * @param levelDb RMS level of the hop's 25 ms frame in dBFS, floored at -100
     * @param signal whether the level is above the configured silence level
     */
    void onFrame(int step, float[] lld, boolean voiced, double levelDb, boolean signal);
}
