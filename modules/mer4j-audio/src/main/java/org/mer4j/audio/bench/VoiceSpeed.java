package org.mer4j.audio.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.audio.EgemapsConfig;
import org.mer4j.audio.EgemapsExtractor;
import org.mer4j.audio.EgemapsLldExtractor;
import org.mer4j.audio.PauseConfig;
import org.mer4j.audio.VadConfig;
import org.mer4j.audio.VadExtractor;
import org.mer4j.audio.VoiceConfig;

/**
 * Times mer4j's full voice extraction (decode at 16 kHz + {@code egemaps-lld} + {@code egemaps} +
 * {@code vad}, all sessions fed from one decode pass per file) over a corpus, REPS times in one JVM,
 * compares with Praat's times measured by the calling script, and checks that retained heap stays
 * flat with input length on a synthetic stream.
 * Usage: {@code VoiceSpeed CORPUS_DIR OUT_JSON REPS PRAAT_SECONDS_CSV PRAAT_VERSION PRAAT_HOW [MEMORY_MINUTES]}.
 */
public final class VoiceSpeed {
    private VoiceSpeed() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--build-only")) {
            return;
        }
        if (args.length < 6) {
            System.err.println("usage: VoiceSpeed CORPUS_DIR OUT_JSON REPS PRAAT_SECONDS_CSV PRAAT_VERSION PRAAT_HOW [MEMORY_MINUTES]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int reps = Integer.parseInt(args[2]);
        String[] praatCsv = args[3].split(",");
        double[] praatSeconds = new double[praatCsv.length];
        for (int i = 0; i < praatCsv.length; i++) {
            praatSeconds[i] = Double.parseDouble(praatCsv[i]);
        }
        String praatVersion = args[4];
        String praatHow = args[5];
        int memoryMinutes = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        List<Path> files = BenchIO.wavs(corpus);
        double audioSeconds = 0;
        double[] seconds = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            double audio = 0;
            for (Path wav : files) {
                audio += runAll(wav);
            }
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            audioSeconds = audio;
            System.err.printf(Locale.ROOT, "mer4j rep %d: %.2f s for %.1f s of audio (%.1fx real time)%n", r + 1, seconds[r], audio, audio / seconds[r]);
        }
        long t0 = System.nanoTime();
        for (Path wav : files) {
            BenchIO.decode(wav, 16000, chunk -> { });
        }
        double decodeSeconds = (System.nanoTime() - t0) / 1e9;
        double oursMedian = BenchIO.median(seconds);
        double praatMedian = BenchIO.median(praatSeconds);
        double oursXrt = audioSeconds / oursMedian;
        double praatXrt = audioSeconds / praatMedian;
        System.err.println("memory check: synthetic streams of 1, " + (memoryMinutes / 3) + " and " + memoryMinutes + " minutes");
        StringBuilder mem = new StringBuilder();
        int[] lengths = {1, Math.max(2, memoryMinutes / 3), memoryMinutes};
        for (int i = 0; i < lengths.length; i++) {
            double[] full = retainedHeap(lengths[i], true);
            double[] seg = retainedHeap(lengths[i], false);
            mem.append(i == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"minutes\": %d, \"full_peak_retained_mb\": %.1f, \"full_output_tracks_mb\": %.1f,"
                            + " \"full_working_set_mb\": %.1f, \"segmented_peak_retained_mb\": %.1f}",
                    lengths[i], full[0], full[1], full[0] - full[1], seg[0]));
            System.err.println(mem.substring(mem.lastIndexOf("{")));
        }
        String json = "{\n"
                + "  \"mer4j_xrt\": " + BenchIO.num(oursXrt) + ",\n"
                + "  \"praat_xrt\": " + BenchIO.num(praatXrt) + ",\n"
                + "  \"speed_ratio\": " + BenchIO.num(oursXrt / praatXrt) + ",\n"
                + "  \"audio_seconds\": " + BenchIO.num(audioSeconds) + ",\n"
                + "  \"files\": " + files.size() + ",\n"
                + "  \"repetitions\": " + reps + ",\n"
                + "  \"mer4j_seconds\": " + arr(seconds) + ",\n"
                + "  \"mer4j_seconds_median\": " + BenchIO.num(oursMedian) + ",\n"
                + "  \"mer4j_first_rep_xrt\": " + BenchIO.num(audioSeconds / seconds[0]) + ",\n"
                + "  \"mer4j_decode_only_seconds\": " + BenchIO.num(decodeSeconds) + ",\n"
                + "  \"praat_seconds\": " + arr(praatSeconds) + ",\n"
                + "  \"praat_seconds_median\": " + BenchIO.num(praatMedian) + ",\n"
                + "  \"praat_version\": " + BenchIO.str(praatVersion) + ",\n"
                + "  \"mer4j_timing\": " + BenchIO.str("one JVM over all files per repetition, wall clock (System.nanoTime)"
                + " around decode (mer4j-media, 16 kHz mono) + egemaps-lld + egemaps + vad sessions fed from one decode pass per file;"
                + " repetition 1 includes JIT warm-up, JVM start-up (~0.5 s) excluded; xrt from the median repetition") + ",\n"
                + "  \"praat_timing\": " + BenchIO.str(praatHow) + ",\n"
                + "  \"cpu_cores\": " + Runtime.getRuntime().availableProcessors() + ",\n"
                + "  \"threads\": 1,\n"
                + "  \"memory_vs_length\": [\n" + mem + "\n  ],\n"
                + "  \"memory_how\": " + BenchIO.str("synthetic voiced/pause stream fed in 0.1 s chunks; heap used after System.gc() sampled every"
                + " simulated minute and at the end; full = egemaps-lld + egemaps (whole clip) + vad, whose output tracks grow by design"
                + " (output_tracks_mb is their size); segmented = egemaps with segmentSeconds 60 alone") + "\n"
                + "}\n";
        BenchIO.write(out, json);
        System.out.print(json);
    }

    private static String arr(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(BenchIO.num(v[i]));
        }
        return b.append("]").toString();
    }

    private static List<FeatureExtractor> fullSet() {
        return List.of(new EgemapsLldExtractor(VoiceConfig.defaults()), new EgemapsExtractor(EgemapsConfig.defaults()),
                new VadExtractor(VadConfig.defaults()));
    }

    /** Decodes one file once and feeds the three sessions; returns the audio seconds. */
    private static double runAll(Path wav) throws Exception {
        String name = wav.getFileName().toString();
        ClipSource src = new ClipSource(new Clip(name, "bench", null, name, null, null, null), null, wav, null);
        List<ExtractionSession> sessions = new ArrayList<>();
        for (FeatureExtractor ex : fullSet()) {
            sessions.add(ex.open(src));
        }
        double audio = BenchIO.decode(wav, 16000, chunk -> {
            for (ExtractionSession s : sessions) {
                s.onAudio(chunk);
            }
        });
        for (ExtractionSession s : sessions) {
            FeatureTrack t = s.finish();
            if (t.length() == 0) {
                throw new IllegalStateException(name + ": empty track");
            }
            s.close();
        }
        return audio;
    }

    /** [peak retained MB, output track MB] over a synthetic stream of the given length. */
    private static double[] retainedHeap(int minutes, boolean full) throws Exception {
        int fs = 16000;
        ClipSource src = new ClipSource(new Clip("synthetic", "bench", null, "synthetic.wav", null, null, null), null, null, null);
        List<FeatureExtractor> set = full ? fullSet()
                : List.of(new EgemapsExtractor(new EgemapsConfig(VoiceConfig.defaults(), PauseConfig.defaults(), 60, true)));
        List<ExtractionSession> sessions = new ArrayList<>();
        for (FeatureExtractor ex : set) {
            sessions.add(ex.open(src));
        }
        double base = usedMb();
        double peak = 0;
        SplittableRandom rnd = new SplittableRandom(42);
        int chunk = fs / 10;
        long total = (long) minutes * 60 * fs;
        double phase = 0;
        for (long pos = 0; pos < total; pos += chunk) {
            float[] x = new float[chunk];
            for (int i = 0; i < chunk; i++) {
                double t = (pos + i) / (double) fs;
                boolean speaking = (t % 4.0) < 3.0;
                double f0 = 120 + 30 * Math.sin(2 * Math.PI * t / 1.7);
                phase += 2 * Math.PI * f0 / fs;
                double s = speaking ? 0.3 * (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase)) : 0;
                x[i] = (float) (s + 0.003 * (rnd.nextDouble() - 0.5));
            }
            AudioChunk c = new AudioChunk(pos / (double) fs, fs, x);
            for (ExtractionSession s : sessions) {
                s.onAudio(c);
            }
            if ((pos / chunk) % 600 == 599) {
                peak = Math.max(peak, usedMb() - base);
            }
        }
        double outputMb = 0;
        for (ExtractionSession s : sessions) {
            FeatureTrack t = s.finish();
            outputMb += (t.values().length * 4.0 + t.times().length * 9.0) / (1 << 20);
        }
        peak = Math.max(peak, usedMb() - base);
        return new double[] {peak, outputMb};
    }

    private static double usedMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (double) (1 << 20);
    }
}
