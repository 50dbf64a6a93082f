package org.mer4j.audio;

/**
 * A fixed-size history of a sample stream, addressed by absolute sample index. Reads before the
 * start, beyond what was written or older than the capacity return 0 (zero padding), so analysis
 * code never branches on stream edges. Memory is constant in the stream length.
 */
final class SampleRing {
    private final float[] data;
    private final int mask;
    private long written;

    SampleRing(int minCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, minCapacity - 1)) << 1;
        this.data = new float[cap];
        this.mask = cap - 1;
    }

    int capacity() {
        return data.length;
    }

    long written() {
        return written;
    }

    void append(float[] x, int off, int len) {
        for (int i = 0; i < len; i++) {
            data[(int) (written++ & mask)] = x[off + i];
        }
    }

    float get(long index) {
        if (index < 0 || index >= written || index < written - data.length) {
            return 0f;
        }
        return data[(int) (index & mask)];
    }

    /** Copies {@code len} samples starting at absolute index {@code start} into {@code dst}. */
    void copy(long start, float[] dst, int len) {
        if (start >= 0 && start + len <= written && start >= written - data.length) {
            int s = (int) (start & mask);
            int first = Math.min(len, data.length - s);
            System.arraycopy(data, s, dst, 0, first);
            if (first < len) {
                System.arraycopy(data, 0, dst, first, len - first);
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            dst[i] = get(start + i);
        }
    }
}
