package org.mer4j.text.asr;

import org.mer4j.api.Mer4jCache;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechRecognitionTest {
    /** Three sentences in one clip (espeak-ng pauses at each full stop): word times must stay monotonic across utterances. */
    static final String SENTENCE = "can you tell me where the station is. the weather is very nice today. he does not want to talk about it.";

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static Path speak(Path dir, String text) throws Exception {
        Path wav = dir.resolve("speech.wav");
        Process p = new ProcessBuilder("espeak-ng", "-v", "en-us+klatt", "-s", "160", "-w", wav.toString(), text)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "espeak-ng failed");
        return wav;
    }

    @Test
    void pocketsphinxTranscribesSyntheticSpeech(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("espeak-ng") && onPath("pocketsphinx_continuous"),
                "skipped: needs `apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng`");
        PocketSphinxRecognizer rec = new PocketSphinxRecognizer(PocketSphinxConfig.defaults());
        Assumptions.assumeTrue(Files.isDirectory(Path.of(rec.config().hmmDir())), "skipped: needs pocketsphinx-en-us");
        Path wav = speak(dir, SENTENCE);
        List<TimedWord> words = rec.transcribe(wav);
        String hyp = words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
        double wer = Wer.of(SENTENCE, hyp);
        assertTrue(wer <= 0.5, "WER " + wer + " for '" + hyp + "'");
        double duration = (Files.size(wav) - 44) / 2.0 / 22050;
        for (int i = 0; i < words.size(); i++) {
            TimedWord w = words.get(i);
            assertTrue(w.end() <= duration + 1e-6, w + " beyond the clip end " + duration);
            if (i > 0) {
                assertTrue(w.start() >= words.get(i - 1).end() - 1e-9, "monotonic: " + words);
            }
        }
        assertTrue(rec.version().startsWith("pocketsphinx "));

        AsrWordSource source = new AsrWordSource(rec, dir.resolve("cache"));
        ClipSource clip = new ClipSource(new Clip("c", "s", null, "speech.wav", null, null, null), null, wav, null);
        List<TimedWord> first = source.words(clip);
        Path cached = source.cacheFile(wav);
        assertTrue(Files.isRegularFile(cached), "word CSV cached by media sha256");
        assertEquals(first.size(), WordTranscripts.read(cached).size());
        assertEquals(first.size(), source.words(wav).size(), "second call reads the cache");
        List<TimedWord> own = List.of(new TimedWord("given", 0, 1));
        assertEquals(own, source.words(new ClipSource(clip.clip(), null, wav, own)), "a clip's own transcript wins");
    }

    @Test
    void missingEnginesSayHowToInstall() {
        PocketSphinxRecognizer missing = new PocketSphinxRecognizer(new PocketSphinxConfig("/nonexistent/pocketsphinx_continuous", null, null, null, 0.5, 60));
        AsrUnavailableException e = assertThrows(AsrUnavailableException.class, missing::checkAvailable);
        assertTrue(e.getMessage().contains("apt-get install -y pocketsphinx pocketsphinx-en-us"), e.getMessage());
        AsrUnavailableException v = assertThrows(AsrUnavailableException.class, () -> new VoskRecognizer(new VoskConfig(null)).checkAvailable());
        assertTrue(v.getMessage().contains("modelDir") && v.getMessage().contains("alphacephei.com/vosk/models"), v.getMessage());
        AsrUnavailableException v2 = assertThrows(AsrUnavailableException.class,
                () -> new VoskRecognizer(new VoskConfig("/nonexistent/vosk-model")).transcribe(Path.of("x.wav")));
        assertTrue(v2.getMessage().contains("does not exist"), v2.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> new AsrConfig("whisper", null, null, null));
        assertTrue(u.getMessage().contains("pocketsphinx") && u.getMessage().contains("vosk"));
    }

    @Test
    void voskNativeLibraryLoadsIntoTheMer4jCache() throws Exception {
        VoskRecognizer.loadNative();
        assertTrue(System.getProperty("jna.tmpdir") != null);
    }

    @Test
    void parsesPocketsphinxTimedOutput() {
        String out = "what time is it\n<s> 0.380 0.460 0.999900\nwhat 0.470 0.630 0.279418\n<sil> 0.640 0.780 0.998900\n"
                + "probably(2) 0.790 1.120 0.220430\n[NOISE] 1.13 1.2 0.5\nit 1.260 3.400 0.576625\n</s> 1.410 1.900 1.000000\n";
        List<TimedWord> w = PocketSphinxRecognizer.parse(out, 0.5, 2.0);
        assertEquals(List.of("what", "probably", "it"), w.stream().map(TimedWord::word).toList());
        assertEquals(0.0, w.get(0).start(), 1e-9, "padding removed, clamped at 0");
        assertEquals(0.29, w.get(1).start(), 1e-9);
        assertEquals(2.0, w.get(2).end(), 1e-9, "clamped at the clip end");
    }

    @Test
    void werIsWordLevelLevenshtein() {
        assertEquals(0, Wer.of("Hello, world!", "hello world"), 1e-9);
        assertEquals(0.5, Wer.of("a b c d", "a x c"), 1e-9);
        assertEquals(List.of("don't", "stop"), Wer.words("Don't  stop."));
    }
}
