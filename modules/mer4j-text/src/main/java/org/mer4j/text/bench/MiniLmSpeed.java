package org.mer4j.text.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.TimedWord;
import org.mer4j.text.minilm.MiniLmConfig;
import org.mer4j.text.minilm.MiniLmExtractor;
import org.mer4j.text.transcripts.MeldCsv;
import org.mer4j.text.transcripts.MeldUtterance;

/**
 * Extraction rate of {@code text-minilm} on MELD utterances: encodes the utterances of a MELD CSV
 * once per batch size, handing the extractor {@code 8 * batchSize} clips per call as the
 * extraction runner does, and writes utterances per second with the machine's load average (the
 * reference machines are shared) to a JSON file. Run by {@code tools/bench/minilm-speed.sh}.
 * <pre>MiniLmSpeed --csv dev_sent_emo.csv --out runs/bench/minilm-speed.json [--batch-sizes 1,32] [--threads 1] [--limit N]</pre>
 */
public final class MiniLmSpeed {
    private MiniLmSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = null;
        Path out = Path.of("runs/bench/minilm-speed.json");
        List<Integer> batchSizes = List.of(1, 32);
        int threads = 1;
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--csv" -> csv = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--batch-sizes" -> batchSizes = java.util.Arrays.stream(args[++i].split(",")).map(s -> Integer.valueOf(s.trim())).toList();
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --csv MELD.csv --out FILE [--batch-sizes 1,32] [--threads 1] [--limit N]");
            }
        }
        if (csv == null) {
            throw new IllegalArgumentException("--csv FILE (a MELD utterance CSV such as dev_sent_emo.csv) is required");
        }
        List<List<TimedWord>> texts = new ArrayList<>();
        int words = 0;
        for (MeldUtterance u : MeldCsv.readLenient(csv).rows()) {
            if (texts.size() < limit) {
                texts.add(u.clipWords());
                words += u.clipWords().size();
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("csv", csv.getFileName().toString());
        root.put("utterances", texts.size());
        root.put("words", words);
        root.put("intraOpThreads", threads);
        root.put("cpus", Runtime.getRuntime().availableProcessors());
        ArrayNode runs = root.putArray("runs");
        for (int b : batchSizes) {
            try (MiniLmExtractor x = new MiniLmExtractor(new MiniLmConfig(MiniLmConfig.UTTERANCE, 0.1, 256, b, threads, null, null))) {
                x.load();
                x.tracks(texts.subList(0, Math.min(texts.size(), 16))); // warm-up
                String loadBefore = loadAverage();
                long t0 = System.nanoTime();
                int per = x.batchClips();
                for (int from = 0; from < texts.size(); from += per) {
                    x.tracks(texts.subList(from, Math.min(texts.size(), from + per)));
                }
                double s = (System.nanoTime() - t0) / 1e9;
                ObjectNode r = runs.addObject();
                r.put("batchSize", b);
                r.put("seconds", s);
                r.put("utterancesPerSecond", texts.size() / s);
                r.put("loadAverageBefore", loadBefore);
                r.put("loadAverageAfter", loadAverage());
                r.put("modelSha256", x.config().modelSha256());
                System.out.printf("batchSize %d: %d utterances in %.1f s = %.1f utterances/s (load average %s -> %s)%n", b, texts.size(), s,
                        texts.size() / s, loadBefore, loadAverage());
            }
        }
        root.put("onnxRuntime", ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion());
        Files.createDirectories(out.toAbsolutePath().getParent());
        AtomicFiles.writeString(out, json.writeValueAsString(root));
        System.out.println("wrote " + out);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
