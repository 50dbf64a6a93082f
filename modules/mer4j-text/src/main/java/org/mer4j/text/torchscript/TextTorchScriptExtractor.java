package org.mer4j.text.torchscript;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;
import org.mer4j.api.TimedWord;
import org.mer4j.text.WordGrid;

/**
 * The {@code text-torchscript} extractor: a bring-your-own text encoder run with DJL's PyTorch
 * engine. Words are normalised and mapped to ids by a {@link SimpleVocab}; ids go through the
 * TorchScript model in chunks of {@code maxTokens}; a {@code [1, T, D]} output gives each word its
 * own embedding, a {@code [1, D]} output is one utterance embedding given to every word of the
 * chunk. Each step holds the embedding of the word covering most of it; steps without a word are
 * masked zeros. The model loads lazily, once, and is closed with the extractor.
 */
public final class TextTorchScriptExtractor implements FeatureExtractor {
    private final TextTorchScriptConfig config;
    private SimpleVocab vocab;
    private Model model;
    private java.util.Map<String, String> digests;

    public TextTorchScriptExtractor(TextTorchScriptConfig config) {
        this.config = config.requirePaths();
    }

    @Override
    public String name() {
        return TextTorchScriptExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public TextTorchScriptConfig config() {
        return config;
    }

    /**
     * The model's sha256 (checked against {@code modelSha256}) and the vocabulary's, part of the feature cache key.
     *
     * @throws IllegalArgumentException when the model file is not pinned or not the pinned one
     */
    @Override
    public synchronized java.util.Map<String, String> fileDigests() throws IOException {
        if (digests == null) {
            Path modelFile = Path.of(config.modelPath());
            String model = org.mer4j.api.PinnedFiles.verify("text-torchscript.modelPath", "text-torchscript.modelSha256", modelFile,
                    config.modelSha256());
            digests = java.util.Map.of("model", model, "vocabulary", org.mer4j.api.PinnedFiles.sha256(Path.of(config.vocabPath())));
        }
        return digests;
    }

    /** Loads vocabulary and model; fails naming the config field and what to do. */
    public synchronized void load() throws IOException {
        if (model != null) {
            return;
        }
        Path modelFile = Path.of(config.modelPath());
        if (!Files.isRegularFile(modelFile)) {
            throw new IOException("text-torchscript.modelPath " + modelFile.toAbsolutePath() + " does not exist; export your encoder with"
                    + " torch.jit.save(torch.jit.script(model), 'encoder.pt') and point modelPath at it");
        }
        fileDigests(); // refuses a model file that is not the pinned one, before anything loads it
        vocab = SimpleVocab.load(Path.of(config.vocabPath()));
        Model m = Model.newInstance("text-encoder", "PyTorch");
        try {
            m.load(modelFile.toAbsolutePath().getParent(), modelFile.getFileName().toString());
        } catch (MalformedModelException | IOException | RuntimeException e) {
            m.close();
            throw new IOException("text-torchscript.modelPath " + modelFile + " is not a loadable TorchScript file (" + e.getMessage()
                    + "); save it with torch.jit.save, not torch.save", e);
        }
        model = m;
    }

    @Override
    public ExtractionSession open(ClipSource source) throws ClipFailedException {
        try {
            FeatureTrack t = track(source.words());
            return () -> t;
        } catch (IOException e) {
            throw new ClipFailedException(source.clip().id(), "text-encoder-failed", e.getMessage(), e);
        }
    }

    /** The embeddings of each word, {@code [n][outputDim]}. */
    public float[][] embed(List<String> rawWords) throws IOException {
        load();
        long[] ids = vocab.encode(rawWords);
        float[][] out = new float[ids.length][];
        try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator());
             NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < ids.length; from += config.maxTokens()) {
                int to = Math.min(ids.length, from + config.maxTokens());
                NDArray in = manager.create(Arrays.copyOfRange(ids, from, to), new Shape(1, to - from));
                NDArray res = p.predict(new NDList(in)).singletonOrThrow();
                Shape s = res.getShape();
                long d = s.get(s.dimension() - 1);
                if (d != config.outputDim()) {
                    throw new IOException("text-torchscript: the model returns width " + d + " (shape " + s + ") but outputDim is "
                            + config.outputDim() + "; set outputDim: " + d);
                }
                float[] flat = res.toFloatArray();
                boolean perWord = s.dimension() == 3 && s.get(1) == to - from;
                if (!perWord && !(s.dimension() == 2 && s.get(0) == 1)) {
                    throw new IOException("text-torchscript: output shape " + s + "; expected [1, " + (to - from) + ", D] or [1, D]");
                }
                for (int i = from; i < to; i++) {
                    int off = perWord ? (i - from) * (int) d : 0;
                    out[i] = Arrays.copyOfRange(flat, off, off + (int) d);
                }
            }
        } catch (TranslateException e) {
            throw new IOException("text-torchscript: the model failed on " + ids.length + " tokens: " + e.getMessage(), e);
        }
        return out;
    }

    /** The track of a transcript. */
    public FeatureTrack track(List<TimedWord> transcript) throws IOException {
        List<TimedWord> words = new ArrayList<>(transcript);
        words.sort(Comparator.comparingDouble(TimedWord::start));
        int dim = config.outputDim();
        WordGrid grid = new WordGrid(config.hopSeconds());
        int steps = grid.steps(words);
        float[] values = new float[steps * dim];
        boolean[] mask = new boolean[steps];
        if (!words.isEmpty()) {
            float[][] emb = embed(words.stream().map(TimedWord::word).toList());
            int[] dominant = grid.dominantWord(words, steps);
            for (int k = 0; k < steps; k++) {
                if (dominant[k] >= 0) {
                    System.arraycopy(emb[dominant[k]], 0, values, k * dim, dim);
                    mask[k] = true;
                }
            }
        }
        return new FeatureTrack(name(), grid.times(steps), dim, values, mask);
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
