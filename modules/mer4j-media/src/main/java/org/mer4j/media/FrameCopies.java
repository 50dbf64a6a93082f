package org.mer4j.media;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacv.Frame;

/** Copies pixel and sample data out of JavaCV frames, which the grabber reuses. */
final class FrameCopies {
    private FrameCopies() {
    }

    /** Packed BGR bytes of a BGR24 image, row stride removed. */
    static byte[] packedBgr(Frame f) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        int rowBytes = w * 3;
        ByteBuffer buf = ((ByteBuffer) f.image[0]).duplicate();
        byte[] out = new byte[rowBytes * h];
        if (f.imageStride == rowBytes) {
            buf.position(0);
            buf.get(out, 0, out.length);
        } else {
            for (int y = 0; y < h; y++) {
                buf.position(y * f.imageStride);
                buf.get(out, y * rowBytes, rowBytes);
            }
        }
        return out;
    }

    /** Mono float samples: the only channel, or the mean of planar/interleaved channels. */
    static float[] monoSamples(Frame f) {
        Buffer[] planes = f.samples;
        int channels = Math.max(1, f.audioChannels);
        if (planes.length == 1) {
            FloatBuffer fb = ((FloatBuffer) planes[0]).duplicate();
            fb.position(0);
            int total = fb.limit();
            if (channels == 1) {
                float[] out = new float[total];
                fb.get(out);
                return out;
            }
            float[] out = new float[total / channels];
            for (int i = 0; i < out.length; i++) {
                float s = 0;
                for (int c = 0; c < channels; c++) {
                    s += fb.get(i * channels + c);
                }
                out[i] = s / channels;
            }
            return out;
        }
        FloatBuffer first = (FloatBuffer) planes[0];
        float[] out = new float[first.limit()];
        for (Buffer p : planes) {
            FloatBuffer fb = (FloatBuffer) p;
            for (int i = 0; i < out.length; i++) {
                out[i] += fb.get(i) / planes.length;
            }
        }
        return out;
    }
}
