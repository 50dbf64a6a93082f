package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped MELD text recipes end to end on a small MELD-format fixture: official split, cp1252
 * and mojibake repaired, an invalid row skipped, and the summary reports weighted and macro F1 of a
 * model that learned the emotion words: the word rows ({@code text-words.yaml}), the frozen and the
 * fine-tuned pretrained encoder ({@code text-minilm.yaml}, {@code text.yaml}).
 */
class MeldRecipeTest {
    private static final Path FIXTURE = Path.of("src/test/resources/meld-fixture").toAbsolutePath();

    /** Runs {@code configs/meld/CONFIG} on the MELD-format fixture in {@code dir} (runs and cache under it), with {@code overrides}. */
    private static void runRecipe(Path dir, String config, String... overrides) throws Exception {
        List<String> settings = new ArrayList<>(List.of("data.root=" + FIXTURE, "features.cacheDir=" + dir.resolve("cache")));
        settings.addAll(List.of(overrides));
        new ExperimentRunner(dir, dir.resolve("runs"), s -> { }).run(ConfigLoader.load(Path.of("../../configs/meld/" + config).toAbsolutePath(),
                settings));
    }

    @Test
    void meldWordRecipeRunsOnTheOfficialSplitAndLearnsEmotionWords(@TempDir Path dir) throws Exception {
        Path fixture = Path.of("src/test/resources/meld-fixture").toAbsolutePath();
        Path config = Path.of("../../configs/meld/text-words.yaml").toAbsolutePath();
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of(
                "data.root=" + fixture, "features.cacheDir=" + dir.resolve("cache"), "train.epochs=25", "train.patience=25",
                "train.batchSize=8", "train.learningRate=0.01")));

        Path exp = dir.resolve("runs/meld-text-words");
        JsonNode summary = new ObjectMapper().readTree(exp.resolve("summary.json").toFile());
        assertEquals(3, summary.get("rows").size());
        JsonNode linear = summary.get("rows").get(0);
        double weighted = linear.get("metrics").get("emotion_weighted_f1").get("mean").asDouble();
        assertTrue(linear.get("metrics").get("emotion_macro_f1").get("mean").isNumber());
        assertTrue(weighted > 0.5, "the linear model should learn the emotion words of the fixture, weighted F1 " + weighted);

        JsonNode splits = new ObjectMapper().readTree(exp.resolve("splits.json").toFile());
        assertEquals("split", splits.get("folds").get(0).get("unit").asText());
        Path run = exp.resolve(linear.get("runs").get(0).asText());
        JsonNode prov = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        // 28 + 1 repaired train rows (one with end < start skipped), 7 dev, 14 test
        assertEquals(50, prov.get("clipsUsed").asInt(), prov.toString());
        String words = Files.readString(exp.resolve("data/transcripts/train-dia50_utt1.words.csv"));
        assertTrue(words.contains("That’s") || words.contains("That's"), "mojibake repaired: " + words);
        assertTrue(Files.readString(exp.resolve("table.md")).contains("official train/val/test split"));
        assertEquals(14, Files.readAllLines(run.resolve("clip_predictions.csv")).size() - 1, "the test split is scored");
        // learned token embeddings: the vocabulary comes from the training split and is kept with the run
        JsonNode vocabulary = new ObjectMapper().readTree(run.resolve("vocabulary.json").toFile());
        assertTrue(vocabulary.toString().contains("minCount"), vocabulary.toString());
    }

    @Test
    void meldRecipeFineTunesThePretrainedEncoderOnTheWordPieces(@TempDir Path dir) throws Exception {
        runRecipe(dir, "text.yaml", "train.epochs=8", "train.patience=8",
                "train.batchSize=8", "train.learningRate=0.0002");
        Path exp = dir.resolve("runs/meld-text");
        JsonNode summary = new ObjectMapper().readTree(exp.resolve("summary.json").toFile());
        JsonNode row = summary.get("rows").get(0);
        assertEquals("MiniLM fine-tuned", row.get("name").asText());
        double weighted = row.get("metrics").get("emotion_weighted_f1").get("mean").asDouble();
        // the ids reach the encoder as extracted: standardised ids would be other words (or fail the lookup)
        assertTrue(weighted > 0.5, "the fine-tuned encoder should recognise the fixture's emotion words, weighted F1 " + weighted);
        JsonNode model = new ObjectMapper().readTree(exp.resolve(row.get("runs").get(0).asText()).resolve("model.json").toFile());
        assertEquals("minilm", model.get("fusion").asText());
        assertEquals(62, model.get("inputDims").get("text").asInt());
        // the saved statistics that predict applies leave the ids as they are
        JsonNode stats = new ObjectMapper().readTree(exp.resolve(row.get("runs").get(0).asText()).resolve("standardizer.json").toFile())
                .get("statistics").get("text");
        for (int d = 0; d < 62; d++) {
            assertEquals(0.0, stats.get("mean").get(d).asDouble(), "column " + d);
            assertEquals(1.0, stats.get("scale").get(d).asDouble(), "column " + d);
        }
    }

    @Test
    void theBgeRecipeFineTunesTheTwelveLayerEncoderOnTheSamePieces(@TempDir Path dir) throws Exception {
        runRecipe(dir, "text-bge.yaml", "train.epochs=1", "train.patience=1",
                "train.batchSize=8");
        JsonNode row = new ObjectMapper().readTree(dir.resolve("runs/meld-text-bge/summary.json").toFile()).get("rows").get(0);
        assertEquals("bge-small fine-tuned", row.get("name").asText());
        // bge-small-en-v1.5's twelve layers (all-MiniLM-L6-v2: 22,568,071 with the same head)
        assertEquals(33_214_855, row.get("cost").get("parameters").get("mean").asLong());
        JsonNode model = new ObjectMapper().readTree(dir.resolve("runs/meld-text-bge").resolve(row.get("runs").get(0).asText())
                .resolve("model.json").toFile());
        assertEquals(62, model.get("inputDims").get("text").asInt(), "the minilm-pieces track of text.yaml");
    }

    @Test
    void theFineTunedEncoderReadsThePreviousUtterancesPiecesAsContext(@TempDir Path dir) throws Exception {
        runRecipe(dir, "text.yaml", "train.epochs=8", "train.patience=8",
                "train.batchSize=8", "train.learningRate=0.0002",
                "rows.0.context={groupBy: dialogue, orderBy: utterance, previous: 1}");
        Path exp = dir.resolve("runs/meld-text");
        JsonNode row = new ObjectMapper().readTree(exp.resolve("summary.json").toFile()).get("rows").get(0);
        double weighted = row.get("metrics").get("emotion_weighted_f1").get("mean").asDouble();
        assertTrue(weighted > 0.5, "the encoder reading the previous utterance too should still recognise the emotion words, weighted F1 "
                + weighted);
        Path run = exp.resolve(row.get("runs").get(0).asText());
        // 62 own pieces, then the previous utterance's 62 pieces, its presence and its same-speaker flag
        assertEquals(62 + 64, new ObjectMapper().readTree(run.resolve("model.json").toFile()).get("inputDims").get("text").asInt());
        JsonNode stats = new ObjectMapper().readTree(run.resolve("standardizer.json").toFile()).get("statistics").get("text");
        for (int d = 0; d < 124; d++) {
            assertEquals(0.0, stats.get("mean").get(d).asDouble(), "the neighbour's pieces are ids too, column " + d);
            assertEquals(1.0, stats.get("scale").get(d).asDouble(), "column " + d);
        }
        assertTrue(stats.get("mean").get(124).asDouble() > 0, "the presence flag is a feature, standardised");
        // the encoder sees the previous utterance: the first epoch's loss is not the context-free one
        Path plain = dir.resolve("plain");
        runRecipe(plain, "text.yaml", "train.epochs=1", "train.patience=1", "train.batchSize=8", "train.learningRate=0.0002");
        JsonNode plainRow = new ObjectMapper().readTree(plain.resolve("runs/meld-text/summary.json").toFile()).get("rows").get(0);
        String plainLog = Files.readString(plain.resolve("runs/meld-text").resolve(plainRow.get("runs").get(0).asText()).resolve("log.txt"));
        assertTrue(!firstEpochLoss(Files.readString(run.resolve("log.txt"))).equals(firstEpochLoss(plainLog)),
                "context must change what the encoder reads: epoch-1 loss " + firstEpochLoss(plainLog) + " with and without it");
    }

    private static String firstEpochLoss(String log) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("epoch 1 loss (\\S+)").matcher(log);
        assertTrue(m.find(), log);
        return m.group(1);
    }

    @Test
    void contextOverWordIdsOnATimelineIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        Path fixture = Path.of("src/test/resources/meld-fixture").toAbsolutePath();
        Path config = Path.of("../../configs/meld/text-words.yaml").toAbsolutePath();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ExperimentRunner(dir, dir.resolve("runs"), s -> { }).run(ConfigLoader.load(config, List.of(
                        "data.root=" + fixture, "features.cacheDir=" + dir.resolve("cache"),
                        "rows.0.context={groupBy: dialogue, orderBy: utterance, previous: 1}"))));
        assertTrue(e.getMessage().contains("hold ids (word-ids") && e.getMessage().contains("one row per clip")
                && e.getMessage().contains("context.modalities"), e.getMessage());
    }

    @Test
    void meldMiniLmRecipeClassifiesThePretrainedSentenceEmbeddings(@TempDir Path dir) throws Exception {
        Path fixture = Path.of("src/test/resources/meld-fixture").toAbsolutePath();
        Path config = Path.of("../../configs/meld/text-minilm.yaml").toAbsolutePath();
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of(
                "data.root=" + fixture, "features.cacheDir=" + dir.resolve("cache"), "train.epochs=30", "train.patience=30",
                "train.batchSize=8", "train.learningRate=0.01")));

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("runs/meld-text-minilm/summary.json").toFile());
        assertEquals(2, summary.get("rows").size());
        assertEquals("MiniLM linear", summary.get("rows").get(0).get("name").asText());
        double weighted = summary.get("rows").get(0).get("metrics").get("emotion_weighted_f1").get("mean").asDouble();
        assertTrue(weighted > 0.5, "a linear model on the sentence embeddings should recognise the fixture's emotion words, weighted F1 "
                + weighted);
        assertTrue(log.stream().anyMatch(l -> l.contains("extraction: 50 clips, 50 extracted")), String.join("\n", log));
        // one 384-d row per clip (the model's sha256 is in the cache key: MiniLmExtractor.fileDigests)
        try (var tracks = Files.walk(dir.resolve("cache/text-minilm"))) {
            Path track = tracks.filter(p -> p.endsWith("track.json")).findFirst().orElseThrow();
            JsonNode t = new ObjectMapper().readTree(track.toFile());
            assertEquals(1, t.get("length").asInt());
            assertEquals(384, t.get("dim").asInt());
        }
    }

    @Test
    void theContextRecipeAppendsTheNeighbouringUtterancesOfEachDialogue(@TempDir Path dir) throws Exception {
        runRecipe(dir, "text-minilm-context.yaml", "train.epochs=3", "train.patience=3",
                "train.batchSize=8");
        Path exp = dir.resolve("runs/meld-text-minilm-context");
        JsonNode summary = new ObjectMapper().readTree(exp.resolve("summary.json").toFile());
        assertEquals(6, summary.get("rows").size());
        // MELD numbers dialogues per file: the conversation is named with its split, the position is the utterance id
        JsonNode first = new ObjectMapper().readTree(exp.resolve("data/manifest.json").toFile()).get("clips").get(0);
        String id = first.get("id").asText();
        assertEquals(id.substring(0, id.indexOf('_')), first.get("metadata").get("dialogue").asText());
        assertEquals(id.substring(id.indexOf("_utt") + 4), first.get("metadata").get("utterance").asText());
        // each run's model reads 384 own values plus one block of 384 + presence + same-speaker per neighbour
        Map<String, Integer> expected = Map.of("MiniLM linear", 384, "MiniLM linear, 1 before", 384 + 386, "MiniLM linear, 3 before",
                384 + 3 * 386, "MiniLM linear, 1 around", 384 + 2 * 386, "MiniLM linear, 2 around", 384 + 4 * 386, "MiniLM MLP, 2 around",
                384 + 4 * 386);
        Map<String, Integer> seen = new java.util.TreeMap<>();
        try (var files = Files.list(exp)) {
            for (Path run : files.filter(p -> Files.isRegularFile(p.resolve("model.json"))).toList()) {
                JsonNode model = new ObjectMapper().readTree(run.resolve("model.json").toFile());
                seen.put(model.get("row").asText(), model.get("inputDims").get("text").asInt());
                if (model.get("row").asText().contains("around")) {
                    // predict scores clips one at a time, without their dialogue: it refuses rather than guess the context
                    var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RunPredictor.open(run));
                    assertTrue(refused.getMessage().contains("rows[].context"), refused.getMessage());
                }
            }
        }
        assertEquals(new java.util.TreeMap<>(expected), seen);
    }

    @Test
    void aDivergedRunIsRecordedAndTheExperimentGoesOn(@TempDir Path dir) throws Exception {
        Path fixture = Path.of("src/test/resources/meld-fixture").toAbsolutePath();
        Path config = dir.resolve("diverge.yaml");
        Files.writeString(config, """
                experiment: diverge
                data: {adapter: meld, root: %s}
                features: {cacheDir: %s, extractors: [{name: word-tokens}]}
                protocol: {type: official}
                tasks: [{type: emotion}]
                train: {epochs: 3, selectBy: emotion_weighted_f1}
                rows:
                  - {name: linear, modalities: [text], fusion: {type: pooled-mlp, hidden: []}}
                  - {name: broken, modalities: [text], fusion: {type: test-diverging}}
                report: {metrics: [emotion_weighted_f1]}
                """.formatted(fixture, dir.resolve("cache")));
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of()));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("runs/diverge/summary.json").toFile());
        assertEquals(1, summary.get("failedRuns").size(), summary.toString());
        assertTrue(summary.get("failedRuns").get(0).asText().contains("[broken fold 0] failed: training loss became NaN"));
        assertTrue(summary.get("rows").get(0).get("metrics").get("emotion_weighted_f1").get("mean").isNumber());
        assertEquals(0, summary.get("rows").get(1).get("runs").size());
        assertTrue(Files.readString(dir.resolve("runs/diverge/table.md")).contains("1 run(s) failed"));
    }
}
