package org.mer4j.audio.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioSystem;
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
import org.mer4j.audio.VoiceAnalyzer;
import org.mer4j.audio.VoiceConfig;

/**
 * Speed of mer4j's voice analysis against Praat on the same files, with the same pitch range, at the
 * files' own sample rate on both sides, in one run with interleaved repetitions: each repetition runs
 * Praat (a {@code praat --run} process over all files, started here with {@link ProcessBuilder} and timed
 * from start to exit) and then mer4j (this JVM, all files, one thread) for every variant, so load
 * changes on a shared machine hit both sides alike (two Praat and two mer4j steps per repetition, shared by
 * the variants). Repetition 0 is a warm-up (JIT, file cache) and is
 * excluded from the medians. Variants (the descriptors each side computes are written to the JSON):
 * <ul>
 * <li>{@code pitch_jitter_shimmer}: Praat To Pitch (ac) + To PointProcess (cc) + jitter (local) + shimmer
 * (local, dB); mer4j {@link VoiceAnalyzer#voiceQualityOnly} (pitch candidates, path, period marks,
 * jitter, shimmer; its HNR is one logarithm of the chosen candidate's r per voiced hop, kept);</li>
 * <li>{@code pitch_jitter_shimmer_hnr}: the same plus HNR by each side's closest method: Praat To
 * Harmonicity (ac) (a second autocorrelation pass: no script command returns the pitch pass's
 * strengths), mer4j the same voice-quality pass as above;</li>
 * <li>{@code egemaps_full}: mer4j's shipped voice extractors {@code egemaps-lld} + {@code egemaps} +
 * {@code vad} (25 LLDs, 88 functionals + pause columns, voice activity) against Praat's
 * {@code pitch_jitter_shimmer_hnr} script: more descriptors on mer4j's side.</li>
 * </ul>
 * Also checks that retained heap stays flat with input length on a synthetic stream.
 * Usage: {@code VoiceSpeed CORPUS_DIR OUT_JSON PRAAT_SCRIPT PRAAT_VERSION [--reps N] [--floor HZ] [--ceiling HZ]
 * [--memory-minutes M]}.
 */
public final class VoiceSpeed {
    private static final String USAGE = "usage: VoiceSpeed CORPUS_DIR OUT_JSON PRAAT_SCRIPT PRAAT_VERSION [--reps N>=3]"
            + " [--floor HZ] [--ceiling HZ] [--memory-minutes M]";

    private VoiceSpeed() {
    }

    /** One side-by-side comparison. */
    private record Variant(String name, int praatStep, int mer4jStep, String praatDescriptors, String mer4jDescriptors) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("pitch_jitter_shimmer", 0, 0,
                    "To Pitch (ac) 0.01 s, 15 candidates, Praat's default costs; To PointProcess (cc); Get jitter (local); Get shimmer (local_dB)",
                    "VoiceAnalyzer.voiceQualityOnly: autocorrelation pitch candidates (Hann, 3 periods of the floor), fixed-lag Viterbi path"
                            + " with the same costs, glottal period marks, clip jitter (local) and shimmer (local, dB); its HNR is"
                            + " 10 log10(r/(1-r)) of the chosen candidate per voiced hop (no extra pass)"),
            new Variant("pitch_jitter_shimmer_hnr", 1, 0,
                    "as pitch_jitter_shimmer plus To Harmonicity (ac) 0.01 s, 3 periods per window, Get mean",
                    "as pitch_jitter_shimmer (HNR from the pitch pass)"),
            new Variant("egemaps_full", 1, 1,
                    "as pitch_jitter_shimmer_hnr",
                    "egemaps-lld + egemaps + vad sessions fed from one decode and one shared analysis per file: 25 eGeMAPS LLDs per 10 ms"
                            + " (loudness, spectral slopes/ratios/flux, MFCC 1-4, F0, jitter, shimmer, HNR, H1-H2, H1-A3, F1-F3 frequency,"
                            + " bandwidth, level), 88 functionals + 6 pause columns, voice activity"));

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--build-only")) {
            return;
        }
        if (args.length < 4) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path praatScript = Path.of(args[2]);
        String praatVersion = args[3];
        int reps = 5;
        double floor = 75;
        double ceiling = 600;
        int memoryMinutes = 30;
        for (int i = 4; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
            }
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--floor" -> floor = Double.parseDouble(args[i + 1]);
                case "--ceiling" -> ceiling = Double.parseDouble(args[i + 1]);
                case "--memory-minutes" -> memoryMinutes = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (reps < 3) {
            throw new IllegalArgumentException("--reps must be at least 3 (plus the warm-up), got " + reps);
        }
        if (!Files.isRegularFile(praatScript)) {
            throw new IllegalArgumentException("Praat script " + praatScript + " does not exist; pass tools/bench/praat/voice-report.praat");
        }
        VoiceConfig voice = VoiceConfig.defaults().withRange(floor, ceiling);
        List<Path> files = BenchIO.wavs(corpus);
        int[] rates = new int[files.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = Math.round(AudioSystem.getAudioFileFormat(files.get(i).toFile()).getFormat().getSampleRate());
        }
        Path wavDir = files.get(0).getParent();
        Path praatOut = Files.createTempDirectory("voice-speed-praat");
        int nv = VARIANTS.size();
        // the timed steps of one repetition, in this order: Praat without HNR, mer4j voice quality, Praat with HNR (ac),
        // mer4j egemaps; each variant pairs one Praat step with one mer4j step of the same repetition
        String[] praatSteps = {"none", "ac"};
        double[][] praatSec = new double[praatSteps.length][reps];
        double[][] oursSec = new double[2][reps];
        double[] praatWarm = new double[praatSteps.length];
        double[] oursWarm = new double[2];
        double audioSeconds = 0;
        String loadBefore = loadAverage();
        for (int r = 0; r <= reps; r++) {
            for (int step = 0; step < 2; step++) {
                double p = runPraat(praatScript, wavDir, praatOut, floor, ceiling, praatSteps[step]);
                long t0 = System.nanoTime();
                double audio = 0;
                for (int i = 0; i < files.size(); i++) {
                    audio += step == 1 ? runFull(files.get(i), rates[i], voice) : runVoiceQuality(files.get(i), rates[i], voice);
                }
                double o = (System.nanoTime() - t0) / 1e9;
                audioSeconds = audio;
                if (r == 0) {
                    praatWarm[step] = p;
                    oursWarm[step] = o;
                } else {
                    praatSec[step][r - 1] = p;
                    oursSec[step][r - 1] = o;
                }
                System.err.printf(Locale.ROOT, "%s praat (HNR %s) %6.2f s, mer4j (%s) %6.2f s, %.1f s of audio%n",
                        r == 0 ? "warm-up:" : "rep " + r + ":  ", praatSteps[step], p, step == 1 ? "egemaps" : "voice quality", o, audio);
            }
        }
        String loadAfter = loadAverage();
        deleteTree(praatOut);
        StringBuilder variants = new StringBuilder();
        double[] ratios = new double[nv];
        double[] oursXrt = new double[nv];
        double[] praatXrt = new double[nv];
        for (int v = 0; v < nv; v++) {
            Variant var = VARIANTS.get(v);
            double[] ps = praatSec[var.praatStep()];
            double[] os = oursSec[var.mer4jStep()];
            double om = BenchIO.median(os);
            double pm = BenchIO.median(ps);
            double[] perRep = new double[reps];
            for (int r = 0; r < reps; r++) {
                perRep[r] = ps[r] / os[r];
            }
            oursXrt[v] = audioSeconds / om;
            praatXrt[v] = audioSeconds / pm;
            ratios[v] = pm / om;
            variants.append(v == 0 ? "" : ",\n").append("    ").append(BenchIO.str(var.name())).append(": {\n")
                    .append("      \"mer4j_xrt\": ").append(BenchIO.num(oursXrt[v])).append(",\n")
                    .append("      \"praat_xrt\": ").append(BenchIO.num(praatXrt[v])).append(",\n")
                    .append("      \"speed_ratio\": ").append(BenchIO.num(ratios[v])).append(",\n")
                    .append("      \"speed_ratio_per_rep\": ").append(arr(perRep)).append(",\n")
                    .append("      \"speed_ratio_per_rep_range\": ").append(arr(new double[] {min(perRep), max(perRep)})).append(",\n")
                    .append("      \"mer4j_seconds\": ").append(arr(os)).append(",\n")
                    .append("      \"praat_seconds\": ").append(arr(ps)).append(",\n")
                    .append("      \"mer4j_warmup_seconds\": ").append(BenchIO.num(oursWarm[var.mer4jStep()])).append(",\n")
                    .append("      \"praat_warmup_seconds\": ").append(BenchIO.num(praatWarm[var.praatStep()])).append(",\n")
                    .append("      \"praat_computes\": ").append(BenchIO.str(var.praatDescriptors())).append(",\n")
                    .append("      \"mer4j_computes\": ").append(BenchIO.str(var.mer4jDescriptors())).append("\n    }");
        }
        System.err.println("memory check: synthetic streams of 1, " + Math.max(2, memoryMinutes / 3) + " and " + memoryMinutes + " minutes");
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
                + "  \"speed_ratio\": " + BenchIO.num(ratios[0]) + ",\n"
                + "  \"speed_ratio_is\": \"praat median seconds / mer4j median seconds for pitch_jitter_shimmer (the same work on both"
                + " sides); > 1 means mer4j is faster\",\n"
                + "  \"speed_ratio_with_hnr\": " + BenchIO.num(ratios[1]) + ",\n"
                + "  \"speed_ratio_egemaps_full\": " + BenchIO.num(ratios[2]) + ",\n"
                + "  \"mer4j_xrt\": " + BenchIO.num(oursXrt[0]) + ",\n"
                + "  \"praat_xrt\": " + BenchIO.num(praatXrt[0]) + ",\n"
                + "  \"variants\": {\n" + variants + "\n  },\n"
                + "  \"audio_seconds\": " + BenchIO.num(audioSeconds) + ",\n"
                + "  \"files\": " + files.size() + ",\n"
                + "  \"sample_rate_hz\": " + rates[0] + ",\n"
                + "  \"pitch_floor_hz\": " + BenchIO.num(floor) + ",\n"
                + "  \"pitch_ceiling_hz\": " + BenchIO.num(ceiling) + ",\n"
                + "  \"repetitions\": " + reps + ",\n"
                + "  \"warmup_repetitions_excluded\": 1,\n"
                + "  \"praat_version\": " + BenchIO.str(praatVersion) + ",\n"
                + "  \"timing\": " + BenchIO.str("interleaved: each repetition runs Praat without HNR, mer4j's voice-quality pass, Praat with HNR (ac), mer4j's"
                + " egemaps set, each over all files; a variant pairs a Praat and a mer4j step of the same repetition;"
                + " Praat = one `praat --run` process over the folder, wall clock from ProcessBuilder.start to exit (incl. its start-up"
                + " and reading the wavs); mer4j = this JVM (started by tools/mer4j with its default options), wall clock (System.nanoTime)"
                + " around decode (mer4j-media at the file's own rate, no resampling, as Praat reads it) + analysis, one thread, like"
                + " Praat's one process; repetition 0 is a warm-up (JIT, file cache) excluded from the medians") + ",\n"
                + "  \"load_average_before\": " + BenchIO.str(loadBefore) + ",\n"
                + "  \"load_average_after\": " + BenchIO.str(loadAfter) + ",\n"
                + "  \"cpu_cores\": " + Runtime.getRuntime().availableProcessors() + ",\n"
                + "  \"threads\": 1,\n"
                + "  \"memory_vs_length\": [\n" + mem + "\n  ],\n"
                + "  \"memory_how\": " + BenchIO.str("synthetic voiced/pause stream fed in 0.1 s chunks at 16 kHz with the default 55-1000 Hz"
                + " range; heap used after System.gc() sampled every simulated minute and at the end; full = egemaps-lld + egemaps"
                + " (whole clip) + vad, whose output tracks grow by design (output_tracks_mb is their size); segmented = egemaps with"
                + " segmentSeconds 60 alone") + "\n"
                + "}\n";
        BenchIO.write(out, json);
        System.out.print(json);
    }

    /** Runs the Praat script over the folder; returns its wall-clock seconds, start-up included. */
    private static double runPraat(Path script, Path wavDir, Path outDir, double floor, double ceiling, String hnr)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("praat", "--run", script.toString(), wavDir.toString(), outDir.toString(),
                BenchIO.num(floor), BenchIO.num(ceiling), "0", hnr).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        int rc = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("praat --run " + script + " exited with " + rc + ": "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
        return s;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String arr(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(BenchIO.num(v[i]));
        }
        return b.append("]").toString();
    }

    /** Sum of the clip results, so that no analysis is dead code. */
    private static double sink;

    /** Decodes one file at its own rate into the voice-quality-only analysis; returns the audio seconds. */
    private static double runVoiceQuality(Path wav, int rate, VoiceConfig voice) throws Exception {
        VoiceAnalyzer[] va = new VoiceAnalyzer[1];
        double audio = BenchIO.decode(wav, rate, chunk -> {
            if (va[0] == null) {
                va[0] = VoiceAnalyzer.voiceQualityOnly(voice, chunk.sampleRate(), (step, lld, voiced, level, signal) -> { });
            }
            va[0].accept(chunk.samples());
        });
        va[0].finish();
        if (va[0].frames() == 0) {
            throw new IllegalStateException(wav + ": no hop analysed");
        }
        sink += va[0].jitterLocal() + va[0].shimmerLocalDb() + va[0].meanHnrDb();
        return audio;
    }

    /** Decodes one file at its own rate once and feeds the three shipped voice sessions; returns the audio seconds. */
    private static double runFull(Path wav, int rate, VoiceConfig voice) throws Exception {
        String name = wav.getFileName().toString();
        ClipSource src = new ClipSource(new Clip(name, "bench", null, name, null, null, null), null, wav, null);
        List<ExtractionSession> sessions = new ArrayList<>();
        for (FeatureExtractor ex : fullSet(voice)) {
            sessions.add(ex.open(src));
        }
        double audio = BenchIO.decode(wav, rate, chunk -> {
            for (ExtractionSession s : sessions) {
                s.onAudio(chunk);
            }
        });
        for (ExtractionSession s : sessions) {
            FeatureTrack t = s.finish();
            if (t.length() == 0) {
                throw new IllegalStateException(name + ": empty track");
            }
            sink += t.length();
            s.close();
        }
        return audio;
    }

    private static List<FeatureExtractor> fullSet(VoiceConfig voice) {
        return List.of(new EgemapsLldExtractor(voice), new EgemapsExtractor(new EgemapsConfig(voice, PauseConfig.defaults(), 0, true)),
                new VadExtractor(new VadConfig(voice, PauseConfig.defaults())));
    }

    /** [peak retained MB, output track MB] over a synthetic stream of the given length. */
    private static double[] retainedHeap(int minutes, boolean full) throws Exception {
        int fs = 16000;
        ClipSource src = new ClipSource(new Clip("synthetic", "bench", null, "synthetic.wav", null, null, null), null, null, null);
        List<FeatureExtractor> set = full ? fullSet(VoiceConfig.defaults())
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
