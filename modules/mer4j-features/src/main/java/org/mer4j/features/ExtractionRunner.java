package org.mer4j.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Manifest;
import org.mer4j.api.Modality;
import org.mer4j.api.TimedWord;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.MediaDecoder;
import org.mer4j.media.MediaSink;

/**
 * Runs the configured extractors over a manifest with one decode pass per clip: every extractor
 * whose track is not yet in the {@link FeatureStore} gets a session, the decoder feeds all of them
 * at once, and the finished tracks are stored. A clip that fails (unreadable file, no audio
 * stream, no face, bad transcript) is skipped, counted under its reason and reported; the others
 * complete. Clips run in parallel on a fixed pool.
 */
public final class ExtractionRunner {
    private final FeatureStore store;
    private final List<FeatureExtractor> extractors;
    private final DecodeConfig decode;
    private final int threads;
    private final ClipWordSource wordSource;
    private final Map<Path, String> fileHashes = new ConcurrentHashMap<>();

    /**
     * @param store where tracks are cached
     * @param extractors the configured extractors, in config order
     * @param decode frame rate and sample rate the decoder delivers
     * @param threads clips processed at once (at least 1)
     */
    public ExtractionRunner(FeatureStore store, List<FeatureExtractor> extractors, DecodeConfig decode, int threads) {
        this(store, extractors, decode, threads, ClipWordSource.wordCsv());
    }

    /**
     * @param store where tracks are cached
     * @param extractors the configured extractors, in config order
     * @param decode frame rate and sample rate the decoder delivers
     * @param threads clips processed at once (at least 1)
     * @param wordSource reads transcripts (and transcribes clips without one, if configured)
     */
    public ExtractionRunner(FeatureStore store, List<FeatureExtractor> extractors, DecodeConfig decode, int threads,
                            ClipWordSource wordSource) {
        this.wordSource = wordSource;
        if (threads < 1) {
            throw new IllegalArgumentException("features.threads must be at least 1, got " + threads);
        }
        this.store = store;
        this.extractors = List.copyOf(extractors);
        this.decode = decode;
        this.threads = threads;
    }

    /** Extracts every clip that is not complete in the store. */
    public ExtractionReport run(Manifest manifest, Consumer<String> log) {
        long t0 = System.nanoTime();
        int damagedBefore = store.damagedEntries();
        List<SkippedClip> skipped = new ArrayList<>();
        int extracted = 0;
        int cached = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mer4j-extract");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Clip clip : manifest.clips()) {
                futures.add(pool.submit(() -> extractClip(manifest, clip)));
            }
            int done = 0;
            for (int i = 0; i < futures.size(); i++) {
                Outcome o = await(futures.get(i), manifest.clips().get(i));
                done++;
                if (o.skipped() != null) {
                    skipped.add(o.skipped());
                    log.accept("skipped " + o.skipped().clipId() + " [" + o.skipped().reason() + "]: " + o.skipped().message());
                } else if (o.computed() > 0) {
                    extracted++;
                } else {
                    cached++;
                }
                if (done % 10 == 0 || done == futures.size()) {
                    log.accept("extracted " + done + "/" + futures.size() + " clips");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<FeatureStore.DamagedEntry> damaged = store.damaged().subList(damagedBefore, store.damagedEntries());
        damaged.forEach(d -> log.accept("feature cache: recomputed damaged entry " + d.folder() + ": " + d.reason()));
        return new ExtractionReport(manifest.clips().size(), extracted, cached, skipped, damaged.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Reads the stored tracks of a clip; empty when any extractor's track is missing (the clip was skipped). */
    public Optional<ClipTracks> load(Manifest manifest, Clip clip) throws IOException {
        Map<Modality, List<FeatureTrack>> byModality = new EnumMap<>(Modality.class);
        for (FeatureExtractor e : extractors) {
            Optional<FeatureTrack> track = store.read(key(manifest, clip, e));
            if (track.isEmpty()) {
                return Optional.empty();
            }
            byModality.computeIfAbsent(e.modality(), m -> new ArrayList<>()).add(track.get());
        }
        return Optional.of(new ClipTracks(clip, byModality));
    }

    private record Outcome(int computed, SkippedClip skipped) {
    }

    private Outcome await(Future<Outcome> f, Clip clip) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("extraction interrupted at clip " + clip.id(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof FeatureStoreException fatal) {
                throw fatal;
            }
            return new Outcome(0, new SkippedClip(clip.id(), "extract", "error", c.getClass().getSimpleName() + ": " + c.getMessage()));
        }
    }

    private Outcome extractClip(Manifest manifest, Clip clip) {
        Map<FeatureExtractor, FeatureKey> missing = new LinkedHashMap<>();
        Map<FeatureExtractor, ExtractionSession> sessions = new LinkedHashMap<>();
        try {
            for (FeatureExtractor e : extractors) {
                FeatureKey k = key(manifest, clip, e);
                if (!store.contains(k)) {
                    missing.put(e, k);
                }
            }
            if (missing.isEmpty()) {
                return new Outcome(0, null);
            }
            boolean needWords = missing.keySet().stream().anyMatch(e -> e.modality() == Modality.TEXT);
            ClipSource source = source(manifest, clip, needWords);
            for (FeatureExtractor e : missing.keySet()) {
                sessions.put(e, e.open(source));
            }
            boolean wantVideo = missing.keySet().stream().anyMatch(FeatureExtractor::needsVideo);
            boolean wantAudio = missing.keySet().stream().anyMatch(FeatureExtractor::needsAudio);
            if (wantVideo || wantAudio) {
                new MediaDecoder().decode(source, decode, wantVideo, wantAudio, new FanOut(sessions));
            }
            for (Map.Entry<FeatureExtractor, ExtractionSession> s : sessions.entrySet()) {
                FeatureTrack track = s.getValue().finish();
                try {
                    store.write(missing.get(s.getKey()), clip.id(), s.getKey().config(), track);
                } catch (IOException ioe) {
                    throw new FeatureStoreException(new IOException("cannot write to the feature cache " + store.root() + ": " + ioe
                            + "; free disk space or make features.cacheDir writable, then rerun (finished clips are kept)", ioe));
                }
            }
            return new Outcome(missing.size(), null);
        } catch (ClipFailedException e) {
            return new Outcome(0, new SkippedClip(clip.id(), "extract", e.reason(), e.getMessage()));
        } catch (FeatureStoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return new Outcome(0, new SkippedClip(clip.id(), "extract", "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            sessions.values().forEach(ExtractionSession::close);
        }
    }

    private ClipSource source(Manifest manifest, Clip clip, boolean needWords) throws ClipFailedException {
        List<TimedWord> words = List.of();
        try {
            if (needWords) {
                words = wordSource.words(manifest, clip);
            }
        } catch (IOException | RuntimeException e) {
            String what = clip.transcript() != null ? "cannot read transcript " + manifest.resolve(clip.transcript())
                    : "cannot transcribe the clip with " + wordSource.recognizerFor(clip);
            throw new ClipFailedException(clip.id(), "bad-transcript", what + ": " + e.getMessage(), e);
        }
        return new ClipSource(clip, manifest.resolve(clip.video()), manifest.resolve(clip.audioSource()), words);
    }

    /** The store key of a clip's track: extractor name, config hash, and the hash of the files it reads. */
    FeatureKey key(Manifest manifest, Clip clip, FeatureExtractor e) throws IOException {
        StringBuilder media = new StringBuilder();
        if (e.needsVideo()) {
            media.append("video:").append(fileHash(manifest.resolve(clip.video()))).append(';');
        }
        if (e.needsAudio()) {
            media.append("audio:").append(fileHash(manifest.resolve(clip.audioSource()))).append(';');
        }
        if (e.modality() == Modality.TEXT) {
            String recognizer = clip.transcript() == null ? wordSource.recognizerFor(clip) : null;
            if (recognizer == null) {
                media.append("transcript:").append(fileHash(manifest.resolve(clip.transcript()))).append(';');
            } else {
                media.append("asr:").append(recognizer).append(':').append(fileHash(manifest.resolve(clip.audioSource()))).append(';');
            }
        }
        return new FeatureKey(e.name(), Hashing.configHash(e.config()), Hashing.sha256(media.toString()));
    }

    private String fileHash(Path file) throws IOException {
        if (file == null) {
            return "none";
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            return "missing:" + file;
        }
        String h = fileHashes.get(file);
        if (h == null) {
            h = Hashing.sha256(file);
            fileHashes.put(file, h);
        }
        return h;
    }

    /** Hands each decoded item to every session that wants it. */
    private static final class FanOut implements MediaSink {
        private final Map<FeatureExtractor, ExtractionSession> sessions;

        FanOut(Map<FeatureExtractor, ExtractionSession> sessions) {
            this.sessions = sessions;
        }

        @Override
        public void onVideoFrame(VideoFrame frame) throws ClipFailedException {
            for (Map.Entry<FeatureExtractor, ExtractionSession> s : sessions.entrySet()) {
                if (s.getKey().needsVideo()) {
                    s.getValue().onVideoFrame(frame);
                }
            }
        }

        @Override
        public void onAudio(AudioChunk chunk) throws ClipFailedException {
            for (Map.Entry<FeatureExtractor, ExtractionSession> s : sessions.entrySet()) {
                if (s.getKey().needsAudio()) {
                    s.getValue().onAudio(chunk);
                }
            }
        }
    }
}
