package org.mer4j.text.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.TimedWord;
import org.mer4j.text.asr.AsrConfig;
import org.mer4j.text.asr.SpeechRecognizer;
import org.mer4j.text.asr.SpeechRecognizers;
import org.mer4j.text.asr.Wer;

/**
 * ASR word-error-rate benchmark: transcribes the WAV files listed in {@code refs.tsv}
 * ({@code file<TAB>reference sentence}) with a named engine and writes a JSON summary: corpus WER
 * (total edits / total reference words), per-sentence results, engine version. Run by
 * {@code tools/bench/asr-wer.sh}.
 * <pre>AsrWer --refs DIR/refs.tsv --out runs/bench/asr-wer.json [--engine pocketsphinx] [--voice NAME] [--vosk-model DIR]</pre>
 */
public final class AsrWer {
    private AsrWer() {
    }

    public static void main(String[] args) throws Exception {
        Path refs = null;
        Path out = Path.of("runs/bench/asr-wer.json");
        String engine = "pocketsphinx";
        String voice = "";
        String voskModel = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--refs" -> refs = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--engine" -> engine = args[++i];
                case "--voice" -> voice = args[++i];
                case "--vosk-model" -> voskModel = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --refs FILE --out FILE [--engine pocketsphinx|vosk] [--voice NAME] [--vosk-model DIR]");
            }
        }
        if (refs == null) {
            throw new IllegalArgumentException("--refs FILE (lines 'file.wav<TAB>reference') is required");
        }
        SpeechRecognizer rec = SpeechRecognizers.create(new AsrConfig(engine, null, null, new org.mer4j.text.asr.VoskConfig(voskModel)));
        rec.checkAvailable();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode items = json.createArrayNode();
        int edits = 0;
        int refWords = 0;
        boolean monotonic = true;
        long t0 = System.nanoTime();
        for (String line : Files.readAllLines(refs, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 2);
            Path wav = refs.resolveSibling(f[0]);
            List<TimedWord> words = rec.transcribe(wav);
            String hyp = words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
            List<String> r = Wer.words(f[1]);
            int e = Wer.distance(r, Wer.words(hyp));
            edits += e;
            refWords += r.size();
            for (int i = 1; i < words.size(); i++) {
                monotonic &= words.get(i).start() >= words.get(i - 1).end() - 1e-9;
            }
            ObjectNode item = items.addObject();
            item.put("file", f[0]).put("reference", f[1]).put("hypothesis", hyp).put("edits", e).put("words", r.size());
            System.out.printf("%-10s wer %.2f | %s | %s%n", f[0], r.isEmpty() ? 0 : e / (double) r.size(), f[1], hyp);
        }
        double wer = refWords == 0 ? 0 : edits / (double) refWords;
        root.put("wer", wer).put("n", items.size()).put("referenceWords", refWords).put("edits", edits)
                .put("engine", rec.name()).put("engineVersion", rec.version()).put("tts", "espeak-ng " + voice)
                .put("wordTimesMonotonic", monotonic).put("seconds", (System.nanoTime() - t0) / 1e9)
                .put("java", System.getProperty("java.version")).put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("definition", "word-level Levenshtein / reference words, lower-cased, punctuation stripped, summed over sentences");
        root.set("sentences", items);
        Files.createDirectories(out.toAbsolutePath().getParent());
        AtomicFiles.writeString(out, json.writeValueAsString(root) + "\n");
        System.out.printf("asr-wer: %s WER %.3f over %d sentences (%d words) -> %s%n", rec.name(), wer, items.size(), refWords, out);
    }
}
