package org.mer4j.text.asr;

import org.mer4j.api.Mer4jCache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mer4j.api.TimedWord;

/**
 * Offline recognition with Vosk (Alpha Cephei; Kaldi-based: Povey et al., "The Kaldi Speech
 * Recognition Toolkit", ASRU 2011) through its Java binding {@code com.alphacephei:vosk}, which
 * bundles {@code libvosk.so} and loads it with JNA. JNA unpacks the library into
 * {@code <mer4j cache>/jna} (system property {@code jna.tmpdir}, set here unless already set), never
 * into {@code $HOME}. No model is shipped: the user downloads one (https://alphacephei.com/vosk/models,
 * e.g. {@code vosk-model-small-en-us-0.15}, Apache-2.0), unpacks it and sets {@code asr.vosk.modelDir}.
 * Audio is decoded to 16 kHz mono 16-bit by {@link Wav16k}; words and times come from the
 * recogniser's JSON results with {@code setWords(true)}.
 */
public final class VoskRecognizer implements SpeechRecognizer {
    /** Engine name. */
    public static final String NAME = "vosk";
    /** Where to get a model and how to point mer4j at it. */
    public static final String HOW_TO_GET_A_MODEL = "download a Vosk model from https://alphacephei.com/vosk/models "
            + "(e.g. vosk-model-small-en-us-0.15), unzip it under ${MER4J_MODELS:-<repo>/models}/vosk/ and set asr.vosk.modelDir to that directory";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VoskConfig config;

    public VoskRecognizer(VoskConfig config) {
        this.config = config == null ? new VoskConfig(null) : config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String model = config.modelDir() == null ? "no model" : Path.of(config.modelDir()).getFileName().toString();
        return "vosk 0.3.45 (model " + model + ")";
    }

    @Override
    public void checkAvailable() throws AsrUnavailableException {
        if (config.modelDir() == null || config.modelDir().isBlank()) {
            throw new AsrUnavailableException("vosk: asr.vosk.modelDir is not set and no model is shipped; " + HOW_TO_GET_A_MODEL);
        }
        Path dir = Path.of(config.modelDir());
        if (!Files.isDirectory(dir)) {
            throw new AsrUnavailableException("vosk: model directory " + dir.toAbsolutePath() + " does not exist; " + HOW_TO_GET_A_MODEL);
        }
        if (!Files.exists(dir.resolve("am/final.mdl")) && !Files.exists(dir.resolve("final.mdl"))) {
            throw new AsrUnavailableException("vosk: " + dir.toAbsolutePath() + " is not an unpacked Vosk model (no am/final.mdl);"
                    + " point asr.vosk.modelDir at the folder that contains am/, conf/ and graph/");
        }
    }

    /** Points JNA's extraction at the mer4j cache and loads libvosk; fails with a clear message. */
    public static void loadNative() throws AsrUnavailableException {
        if (System.getProperty("jna.tmpdir") == null) {
            Path dir = Mer4jCache.root().resolve("jna");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new AsrUnavailableException("vosk: cannot create the JNA cache " + dir + ": " + e.getMessage(), e);
            }
            System.setProperty("jna.tmpdir", dir.toString());
        }
        try {
            org.vosk.LibVosk.setLogLevel(org.vosk.LogLevel.WARNINGS);
        } catch (LinkageError e) {
            throw new AsrUnavailableException("vosk: the native library bundled in com.alphacephei:vosk:0.3.45 did not load ("
                    + e + "); it needs Linux x86-64 with glibc, and the jar on the classpath", e);
        }
    }

    @Override
    public List<TimedWord> transcribe(Path media) throws AsrException {
        checkAvailable();
        loadNative();
        byte[] pcm = Wav16k.pcm(media, 0);
        List<TimedWord> words = new ArrayList<>();
        try (org.vosk.Model model = new org.vosk.Model(config.modelDir());
             org.vosk.Recognizer rec = new org.vosk.Recognizer(model, Wav16k.RATE)) {
            rec.setWords(true);
            int step = 8000;
            for (int off = 0; off < pcm.length; off += step) {
                int n = Math.min(step, pcm.length - off);
                byte[] buf = java.util.Arrays.copyOfRange(pcm, off, off + n);
                if (rec.acceptWaveForm(buf, n)) {
                    collect(rec.getResult(), words);
                }
            }
            collect(rec.getFinalResult(), words);
        } catch (IOException e) {
            throw new AsrException("vosk: cannot load the model in " + config.modelDir() + " (" + e.getMessage() + "); " + HOW_TO_GET_A_MODEL, e);
        }
        return words;
    }

    static void collect(String json, List<TimedWord> out) throws AsrException {
        try {
            JsonNode result = JSON.readTree(json).get("result");
            if (result == null) {
                return;
            }
            for (JsonNode w : result) {
                double s = w.get("start").asDouble();
                double e = w.get("end").asDouble();
                if (!out.isEmpty()) {
                    s = Math.max(s, out.get(out.size() - 1).end());
                }
                out.add(new TimedWord(w.get("word").asText().toLowerCase(Locale.ROOT), s, Math.max(s, e)));
            }
        } catch (IOException | RuntimeException e) {
            throw new AsrException("vosk: unexpected result JSON '" + json + "'", e);
        }
    }
}
