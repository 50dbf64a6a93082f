package org.mer4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mer4j.experiments.PredictionOutputs;
import org.mer4j.experiments.RunPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mer4j predict --run <run folder> <video>... [--out DIR]}: applies a trained run to new
 * videos with the run's own extractors, normalisation, vocabulary and best checkpoint
 * ({@link RunPredictor}) and writes per-step A/H and inconsistency probabilities and clip-level
 * predictions ({@link PredictionOutputs}). Exit code 3 when a video could not be predicted.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Apply a trained run to new videos: per-step A/H and inconsistency probabilities, clip emotion.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "a finished run folder, e.g. runs/quickstart/early-fusion-f0-<key>-s<seed>-<time>")
    Path run;

    @Parameters(arity = "1..*", description = "video files")
    List<Path> videos = new ArrayList<>();

    @Option(names = "--audio", description = "a separate audio file of the same take (repeatable: once per video, in the videos' order)")
    List<Path> audio = new ArrayList<>();

    @Option(names = "--transcript", description = "a timed transcript (repeatable: once per video, in the videos' order);"
            + " default: <video name>.words.csv, .srt, .vtt, .TextGrid, .json or .csv next to the video, if there is one")
    List<Path> transcripts = new ArrayList<>();

    @Option(names = "--subject", description = "a speaker of the run whose saved statistics normalise the videos"
            + " (runs with normalization.scope subject); default: each video with its own statistics")
    String subject;

    @Option(names = "--out", description = "output folder (default: ./predictions/<run folder name>)")
    Path out;

    @Option(names = "--cache", description = "feature cache folder (default: the run config's features.cacheDir)")
    Path cache;

    @Override
    public Integer call() throws Exception {
        for (var option : List.of(java.util.Map.entry("--audio", audio), java.util.Map.entry("--transcript", transcripts))) {
            if (!option.getValue().isEmpty() && option.getValue().size() != videos.size()) {
                throw new IllegalArgumentException(option.getKey() + " is given " + option.getValue().size() + " times for " + videos.size()
                        + " videos; give it once per video, in the order of the videos, or not at all");
            }
        }
        List<RunPredictor.Input> inputs = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            Path transcript = transcripts.isEmpty() ? RunPredictor.sidecarTranscript(videos.get(i)) : transcripts.get(i);
            if (transcripts.isEmpty() && transcript != null) {
                Console.line("predict: transcript of " + videos.get(i) + ": " + transcript);
            }
            inputs.add(new RunPredictor.Input(videos.get(i), audio.isEmpty() ? null : audio.get(i), transcript));
        }
        RunPredictor predictor = RunPredictor.open(run);
        Console.line("predict: run " + predictor.runDir() + " (" + predictor.config().experiment() + ", modalities "
                + predictor.modalities().stream().map(m -> m.key()).toList() + "), " + inputs.size() + " video(s)");
        RunPredictor.Result result = predictor.predict(inputs, subject, Path.of("").toAbsolutePath(), cache, Console::line);
        Path dir = out != null ? out : Path.of("predictions").resolve(predictor.runDir().getFileName());
        PredictionOutputs.write(result, dir);
        Console.line("normalisation: " + result.normalization());
        result.warnings().forEach(w -> Console.line("warning: " + w));
        for (RunPredictor.VideoPrediction v : result.videos()) {
            StringBuilder sb = new StringBuilder(v.clipId() + ": " + v.steps() + " steps");
            for (int i = 0; i < v.clip().columns().size(); i++) {
                sb.append(' ').append(v.clip().columns().get(i)).append('=').append(v.clip().cells().get(0).get(i));
            }
            Console.line(sb.toString());
            v.notes().forEach(n -> Console.line("  note: " + n));
        }
        for (RunPredictor.Failure f : result.failures()) {
            Console.line("could not predict " + f.input().video() + " [" + f.reason() + "]: " + f.message());
        }
        Console.line("predictions: " + dir.toAbsolutePath() + " (summary.csv, summary.json, one .csv and .json per video)");
        return result.failures().isEmpty() ? 0 : 3;
    }
}
