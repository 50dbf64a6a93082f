package org.mer4j.text.asr;

import org.mer4j.api.Mer4jCache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.mer4j.api.ClipSource;
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;

/**
 * Words for a clip that has no transcript: the clip's own words when it has some, else the
 * configured engine's transcription of its audio (or video), cached as a BAH word CSV at
 * {@code <cacheDir>/<engine>/<sha256 of the media file>.csv}. The key is the media content, so a
 * moved or renamed file reuses its transcript and an edited one is transcribed again; delete the
 * folder to re-run after changing engine settings. The CSV is written atomically and can be
 * inspected, corrected by hand, or copied into the manifest as the clip's transcript.
 */
public final class AsrWordSource {
    private final SpeechRecognizer recognizer;
    private final Path cacheDir;

    public AsrWordSource(AsrConfig config) {
        this(SpeechRecognizers.create(config),
                config.cacheDir() == null ? Mer4jCache.root().resolve("asr") : Path.of(config.cacheDir()));
    }

    public AsrWordSource(SpeechRecognizer recognizer, Path cacheDir) {
        this.recognizer = recognizer;
        this.cacheDir = cacheDir;
    }

    /** The recogniser in use. */
    public SpeechRecognizer recognizer() {
        return recognizer;
    }

    /** The clip's words, transcribing (once, cached) when it has none. */
    public List<TimedWord> words(ClipSource source) throws IOException {
        if (!source.words().isEmpty()) {
            return source.words();
        }
        Path media = source.audio() != null ? source.audio() : source.video();
        if (media == null) {
            throw new AsrException("clip " + source.clip().id() + " has neither transcript nor media to transcribe; add one to the manifest");
        }
        return words(media);
    }

    /** The words of a media file, from the cache or transcribed now. */
    public List<TimedWord> words(Path media) throws IOException {
        Path csv = cacheFile(media);
        if (Files.isRegularFile(csv)) {
            return WordTranscripts.read(csv);
        }
        List<TimedWord> words = recognizer.transcribe(media);
        Files.createDirectories(csv.getParent());
        WordTranscripts.write(csv, words);
        return words;
    }

    /** Where the transcript of a media file is cached. */
    public Path cacheFile(Path media) throws IOException {
        return cacheDir.resolve(recognizer.name()).resolve(sha256(media) + ".csv");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
