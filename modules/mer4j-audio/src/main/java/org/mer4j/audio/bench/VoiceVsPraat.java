package org.mer4j.audio.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.audio.EgemapsLld;
import org.mer4j.audio.VoiceAnalyzer;
import org.mer4j.audio.VoiceConfig;

/**
 * Compares mer4j's F0 track, voicing and clip jitter/shimmer/HNR with Praat's on a folder of wavs.
 * Usage: {@code VoiceVsPraat CORPUS_DIR PRAAT_OUT_DIR OUT_JSON FLOOR_HZ CEILING_HZ PRAAT_VERSION}, where
 * PRAAT_OUT_DIR holds what tools/bench/praat/voice-report.praat wrote. Our audio is decoded at
 * 16 kHz through mer4j-media; Praat reads the original files. Frames are matched by time: Praat's
 * frame at t is compared with our hop whose 25 ms analysis frame is centred nearest t.
 */
public final class VoiceVsPraat {
    private VoiceVsPraat() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: VoiceVsPraat CORPUS_DIR PRAAT_OUT_DIR OUT_JSON FLOOR_HZ CEILING_HZ PRAAT_VERSION");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path praatDir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        double floor = Double.parseDouble(args[3]);
        double ceiling = Double.parseDouble(args[4]);
        String praatVersion = args[5];
        VoiceConfig cfg = VoiceConfig.defaults().withRange(floor, ceiling);
        Map<String, double[]> praatClip = readSummary(praatDir.resolve("praat-voice.tsv"));
        List<Double> absSemitones = new ArrayList<>();
        long bothVoiced = 0;
        long gross = 0;
        long agree = 0;
        long matched = 0;
        long praatVoiced = 0;
        long oursVoiced = 0;
        List<double[]> clipPairs = new ArrayList<>();
        int files = 0;
        int skipped = 0;
        double audioSeconds = 0;
        for (Path wav : BenchIO.wavs(corpus)) {
            String name = wav.getFileName().toString();
            Path pitchFile = praatDir.resolve(name.replaceAll("\\.wav$", "") + ".pitch.tsv");
            double[] pc = praatClip.get(name);
            if (!Files.isRegularFile(pitchFile) || pc == null) {
                System.err.println("skipping " + name + ": no Praat output for it in " + praatDir);
                skipped++;
                continue;
            }
            double[] f0 = new double[1 << 16];
            int[] len = {0};
            VoiceAnalyzer[] va = new VoiceAnalyzer[1];
            audioSeconds += BenchIO.decode(wav, 16000, chunk -> {
                if (va[0] == null) {
                    va[0] = new VoiceAnalyzer(cfg, chunk.sampleRate(), (step, lld, voiced, level, signal) -> {
                        if (step >= len[0]) {
                            len[0] = step + 1;
                        }
                        if (step < f0.length) {
                            f0[step] = voiced ? 27.5 * Math.pow(2, lld[EgemapsLld.F0_SEMITONE] / 12.0) : 0;
                        }
                    });
                }
                va[0].accept(chunk.samples());
            });
            va[0].finish();
            files++;
            for (String line : Files.readAllLines(pitchFile)) {
                String[] p = line.trim().split("\t");
                if (p.length < 2) {
                    continue;
                }
                double t = Double.parseDouble(p[0]);
                double fp = Double.parseDouble(p[1]);
                int k = (int) Math.round((t - 0.0125) / VoiceConfig.HOP_SECONDS);
                if (k < 0 || k >= Math.min(len[0], f0.length)) {
                    continue;
                }
                double fo = f0[k];
                matched++;
                boolean vp = fp > 0;
                boolean vo = fo > 0;
                praatVoiced += vp ? 1 : 0;
                oursVoiced += vo ? 1 : 0;
                if (vp == vo) {
                    agree++;
                }
                if (vp && vo) {
                    bothVoiced++;
                    absSemitones.add(Math.abs(12 * Math.log(fo / fp) / Math.log(2)));
                    if (Math.abs(fo / fp - 1) > 0.2) {
                        gross++;
                    }
                }
            }
            clipPairs.add(new double[] {va[0].jitterLocal(), pc[1], va[0].shimmerLocalDb(), pc[2], va[0].meanHnrDb(), pc[3]});
        }
        double[] st = absSemitones.stream().mapToDouble(Double::doubleValue).toArray();
        double meanSt = java.util.Arrays.stream(st).average().orElse(Double.NaN);
        double[] r = new double[3];
        int[] n = new int[3];
        for (int m = 0; m < 3; m++) {
            List<double[]> ok = new ArrayList<>();
            for (double[] c : clipPairs) {
                if (Double.isFinite(c[2 * m + 1]) && c[2 * m] != 0) {
                    ok.add(new double[] {c[2 * m], c[2 * m + 1]});
                }
            }
            n[m] = ok.size();
            r[m] = BenchIO.pearson(ok.stream().mapToDouble(c -> c[0]).toArray(), ok.stream().mapToDouble(c -> c[1]).toArray());
        }
        String json = "{\n"
                + "  \"f0_median_abs_error_semitone\": " + BenchIO.num(BenchIO.median(st)) + ",\n"
                + "  \"f0_median_abs_error_semitone_is\": \"median absolute difference in semitones over frames both call voiced\",\n"
                + "  \"f0_mean_abs_semitone\": " + BenchIO.num(meanSt) + ",\n"
                + "  \"f0_gross_error_rate\": " + BenchIO.num(bothVoiced > 0 ? gross / (double) bothVoiced : Double.NaN) + ",\n"
                + "  \"voicing_agreement\": " + BenchIO.num(matched > 0 ? agree / (double) matched : Double.NaN) + ",\n"
                + "  \"jitter_r\": " + BenchIO.num(r[0]) + ",\n"
                + "  \"shimmer_r\": " + BenchIO.num(r[1]) + ",\n"
                + "  \"hnr_r\": " + BenchIO.num(r[2]) + ",\n"
                + "  \"files\": " + files + ",\n"
                + "  \"files_skipped\": " + skipped + ",\n"
                + "  \"audio_seconds\": " + BenchIO.num(audioSeconds) + ",\n"
                + "  \"frames_matched\": " + matched + ",\n"
                + "  \"frames_both_voiced\": " + bothVoiced + ",\n"
                + "  \"frames_praat_voiced\": " + praatVoiced + ",\n"
                + "  \"frames_mer4j_voiced\": " + oursVoiced + ",\n"
                + "  \"files_in_jitter_r\": " + n[0] + ",\n"
                + "  \"files_in_shimmer_r\": " + n[1] + ",\n"
                + "  \"files_in_hnr_r\": " + n[2] + ",\n"
                + "  \"pitch_floor_hz\": " + BenchIO.num(floor) + ",\n"
                + "  \"pitch_ceiling_hz\": " + BenchIO.num(ceiling) + ",\n"
                + "  \"praat_version\": " + BenchIO.str(praatVersion) + ",\n"
                + "  \"praat_settings\": \"To Pitch (ac) 0.01 s, 15 candidates, silence 0.03, voicing 0.45, octave 0.01, jump 0.35, V/UV 0.14; To PointProcess (cc); jitter/shimmer 0.0001-0.02 s, factor 1.3 (amp 1.6); To Harmonicity (cc) 0.01 s, silence 0.1, 1 period\",\n"
                + "  \"mer4j_settings\": " + BenchIO.str(cfg.toString() + ", decoded at 16 kHz by mer4j-media, F0 from the egemaps-lld F0 column (sma3)") + "\n"
                + "}\n";
        BenchIO.write(out, json);
        System.out.print(json);
    }

    /** file -> [duration, jitter, shimmer dB, HNR dB], NaN where Praat printed --undefined--. */
    private static Map<String, double[]> readSummary(Path tsv) throws Exception {
        if (!Files.isRegularFile(tsv)) {
            throw new IllegalArgumentException("Praat summary " + tsv + " is missing; run tools/bench/praat/voice-report.praat first");
        }
        Map<String, double[]> m = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split("\t");
            if (p.length < 5) {
                continue;
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    v[i] = Double.parseDouble(p[i + 1].trim());
                } catch (NumberFormatException e) {
                    v[i] = Double.NaN;
                }
            }
            m.put(p[0].trim(), v);
        }
        return m;
    }
}
