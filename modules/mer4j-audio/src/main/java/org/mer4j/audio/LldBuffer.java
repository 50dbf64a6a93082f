package org.mer4j.audio;

import java.util.Arrays;

/**
 * Compact per-hop store for the functionals: the 25 smoothed LLDs plus voiced flag, level (dBFS),
 * speech-evidence flag and syllable-nucleus flag: 29 floats a hop, about 42 MB per hour of audio.
 * Segmented extraction clears it after each segment, so it then stays at one segment's size.
 */
final class LldBuffer {
    static final int VOICED = EgemapsLld.DIM;
    static final int LEVEL_DB = EgemapsLld.DIM + 1;
    static final int EVIDENCE = EgemapsLld.DIM + 2;
    static final int NUCLEUS = EgemapsLld.DIM + 3;
    static final int STRIDE = EgemapsLld.DIM + 4;

    private float[] data = new float[STRIDE * 1024];
    private int rows;

    void add(float[] lld, boolean voiced, double levelDb, boolean evidence, boolean nucleus) {
        if ((rows + 1) * STRIDE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int o = rows * STRIDE;
        System.arraycopy(lld, 0, data, o, EgemapsLld.DIM);
        data[o + VOICED] = voiced ? 1 : 0;
        data[o + LEVEL_DB] = (float) levelDb;
        data[o + EVIDENCE] = evidence ? 1 : 0;
        data[o + NUCLEUS] = nucleus ? 1 : 0;
        rows++;
    }

    int rows() {
        return rows;
    }

    float get(int row, int col) {
        return data[row * STRIDE + col];
    }

    boolean voiced(int row) {
        return data[row * STRIDE + VOICED] > 0;
    }

    void clear() {
        rows = 0;
    }
}
