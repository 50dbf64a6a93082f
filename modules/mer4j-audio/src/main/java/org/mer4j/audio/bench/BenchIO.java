package org.mer4j.audio.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.MediaDecoder;
import org.mer4j.media.MediaSink;

/** Shared helpers of the bench mains: corpus listing, streaming decode, statistics, JSON text. */
final class BenchIO {
    private BenchIO() {
    }

    /** Receives decoded chunks. */
    interface ChunkSink {
        void accept(AudioChunk chunk) throws ClipFailedException;
    }

    /** The sorted {@code *.wav} files of {@code dir/wav} (EmoDB layout) or of {@code dir} itself. */
    static List<Path> wavs(Path dir) throws IOException {
        Path wavDir = Files.isDirectory(dir.resolve("wav")) ? dir.resolve("wav") : dir;
        if (!Files.isDirectory(wavDir)) {
            throw new IllegalArgumentException("corpus folder " + dir + " does not exist; pass the EmoDB folder (with wav/*.wav)");
        }
        try (Stream<Path> s = Files.list(wavDir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted()
                    .collect(Collectors.toList());
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no *.wav files in " + wavDir + "; pass the EmoDB folder (with wav/*.wav)");
            }
            return files;
        }
    }

    /** Decodes a file's audio at {@code sampleRate} mono through mer4j-media and streams the chunks. */
    static double decode(Path wav, int sampleRate, ChunkSink sink) throws ClipFailedException {
        String name = wav.getFileName().toString();
        ClipSource src = new ClipSource(new Clip(name, "bench", null, name, null, null, null), null, wav, null);
        return new MediaDecoder().decode(src, new DecodeConfig(10, sampleRate, 640), false, true, new MediaSink() {
            @Override
            public void onVideoFrame(VideoFrame frame) {
            }

            @Override
            public void onAudio(AudioChunk chunk) throws ClipFailedException {
                sink.accept(chunk);
            }
        }).audioSeconds();
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        int n = c.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void write(Path out, String json) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, json);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
