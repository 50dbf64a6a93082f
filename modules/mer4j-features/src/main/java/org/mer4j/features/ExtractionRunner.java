package org.mer4j.features;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
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
import org.mer4j.api.BatchExtractor;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.DataRoot;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.MalformedFileException;
import org.mer4j.api.Manifest;
import org.mer4j.api.Modality;
import org.mer4j.api.Progress;
import org.mer4j.api.TimedWord;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.DecodeSummary;
import org.mer4j.media.MediaDecoder;
import org.mer4j.media.MediaSink;

/**
 * Runs the configured extractors over a manifest with one decode pass per clip: every extractor
 * whose track is not yet in the {@link FeatureStore} gets a session, the decoder feeds all of them
 * at once, and the finished tracks are stored. A clip that fails (unreadable file, no audio
 * stream, no face, bad transcript) is skipped, counted under its reason and reported; the others
 * complete. Clips run in parallel on a fixed pool.
 *
 * <p>A {@link BatchExtractor} (a text encoder that is faster on many sentences at once) runs in a
 * second pass: the first pass reads and checks every clip and runs the other extractors as above,
 * keeping the checked words of the clips whose batch track is missing; the second pass hands them
 * to the batch extractor {@code batchClips()} clips per call, in manifest order, on the same pool.
 * When a call fails, its clips are redone one by one through {@link FeatureExtractor#open}, so only
 * the bad clip is skipped.
 *
 * <p>Before anything reads, hashes or decodes a clip file, it passes {@link DataRoot} (inside the
 * data root unless allowed, a regular file), and the clip passes the {@link InputLimits}: transcript
 * size, words and label segments past the clip's duration, media decoding short of its declared
 * duration. Each violation is a skip reason; an I/O failure is {@value #IO_ERROR}, not a bad clip.
 */
public final class ExtractionRunner {
    /** Skip reason of a clip whose files could not be read because of the machine (disk, mount, permissions), not the clip. */
    public static final String IO_ERROR = "io-error";
    private static final String IO_FIX = "an I/O failure, not a problem of the clip: check the disk, the mount and the"
            + " permissions, then rerun (finished clips are kept in the cache)";

    private final FeatureStore store;
    private final List<FeatureExtractor> extractors;
    private final DecodeConfig decode;
    private final int threads;
    private final ClipWordSource wordSource;
    private final InputLimits limits;
    private final Map<Path, String> fileHashes = new ConcurrentHashMap<>();
    /** Per extractor: the config hash, with the sha256 of its model and vocabulary files folded in. */
    private final Map<FeatureExtractor, String> extractorHashes = new ConcurrentHashMap<>();

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
        this(store, extractors, decode, threads, wordSource, InputLimits.defaults());
    }

    /**
     * @param store where tracks are cached
     * @param extractors the configured extractors, in config order
     * @param decode frame rate and sample rate the decoder delivers
     * @param threads clips processed at once (at least 1)
     * @param wordSource reads transcripts (and transcribes clips without one, if configured)
     * @param limits what is absurd for a clip (transcript size, words or labels past its end, truncated media)
     */
    public ExtractionRunner(FeatureStore store, List<FeatureExtractor> extractors, DecodeConfig decode, int threads,
                            ClipWordSource wordSource, InputLimits limits) {
        this.wordSource = wordSource;
        this.limits = limits == null ? InputLimits.defaults() : limits;
        if (threads < 1) {
            throw new IllegalArgumentException("features.threads must be at least 1, got " + threads);
        }
        this.store = store;
        this.extractors = List.copyOf(extractors);
        this.decode = decode;
        this.threads = threads;
    }

    /** Extracts every clip that is not complete in the store, with progress lines to {@code log} every 10 s. */
    public ExtractionReport run(Manifest manifest, Consumer<String> log) {
        return run(manifest, log, Progress.lines(log, 10));
    }

    /** Extracts every clip that is not complete in the store, reporting each finished clip to {@code progress}. */
    public ExtractionReport run(Manifest manifest, Consumer<String> log, Progress progress) {
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
            DataRoot data = manifest.dataRoot();
            List<Clip> clips = manifest.clips();
            for (Clip clip : clips) {
                futures.add(pool.submit(() -> extractClip(data, clip)));
            }
            List<Outcome> outcomes = new ArrayList<>(clips.size());
            // with a batch extractor the first pass only reads, checks and runs the others: say so
            String task = extractors.stream().anyMatch(ExtractionRunner::batched) ? "extract (first pass)" : "extract";
            try (Progress.Meter meter = progress.start(task, futures.size(), "clips")) {
                for (int i = 0; i < futures.size(); i++) {
                    outcomes.add(await(futures.get(i), clips.get(i)));
                    meter.step();
                }
            }
            for (FeatureExtractor e : extractors) {
                if (batched(e)) {
                    runBatches(pool, (BatchExtractor) e, clips, outcomes, progress);
                }
            }
            for (Outcome o : outcomes) {
                if (o.skipped() != null) {
                    skipped.add(o.skipped());
                    log.accept("skipped " + o.skipped().clipId() + " [" + o.skipped().reason() + "]: " + o.skipped().message());
                } else if (o.computed() > 0) {
                    extracted++;
                } else {
                    cached++;
                }
            }
        } finally {
            pool.shutdownNow();
            awaitWorkers(pool);
        }
        List<FeatureStore.DamagedEntry> damaged = store.damaged().subList(damagedBefore, store.damagedEntries());
        damaged.forEach(d -> log.accept("feature cache: recomputed damaged entry " + d.folder() + ": " + d.reason()));
        return new ExtractionReport(manifest.clips().size(), extracted, cached, skipped, damaged.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Reads the stored tracks of a clip; empty when any extractor's track is missing (the clip was skipped). */
    public Optional<ClipTracks> load(Manifest manifest, Clip clip) throws IOException {
        Map<Modality, List<FeatureTrack>> byModality = new EnumMap<>(Modality.class);
        ClipFiles files;
        try {
            files = ClipFiles.resolve(manifest.dataRoot(), clip, extractors, wordSource);
        } catch (ClipFailedException e) {
            return Optional.empty(); // its files changed since extraction; reported as a missing track
        }
        for (FeatureExtractor e : extractors) {
            Optional<FeatureTrack> track = store.read(key(files, clip, e));
            if (track.isEmpty()) {
                return Optional.empty();
            }
            byModality.computeIfAbsent(e.modality(), m -> new ArrayList<>()).add(track.get());
        }
        return Optional.of(new ClipTracks(clip, byModality));
    }

    /**
     * What became of one clip: tracks computed and stored, or why it was skipped; {@code pending}
     * lists the batch extractors' tracks still to compute for it.
     */
    private record Outcome(int computed, SkippedClip skipped, List<Pending> pending) {
        Outcome(int computed, SkippedClip skipped) {
            this(computed, skipped, List.of());
        }
    }

    /** A batch extractor's missing track of a clip whose source has been read and checked. */
    private record Pending(FeatureExtractor extractor, FeatureKey key, ClipSource source) {
    }

    private static boolean batched(FeatureExtractor e) {
        return e instanceof BatchExtractor b && !e.needsVideo() && !e.needsAudio() && b.batchClips() >= 1;
    }

    /**
     * Waits until no worker runs any more, so that the caller may close the extractors: a worker still
     * inside a native call (e.g. OpenCV) when its extractor frees the native objects would crash the JVM.
     */
    private static void awaitWorkers(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("extraction workers did not stop within 10 minutes after the run ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /**
     * The second pass of a batch extractor: its missing tracks of the clips that passed the first
     * pass, in manifest order, {@code batchClips()} clips per pool task.
     */
    private void runBatches(ExecutorService pool, BatchExtractor e, List<Clip> clips, List<Outcome> outcomes, Progress progress) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.skipped() == null && o.pending().stream().anyMatch(p -> p.extractor() == e)) {
                at.add(i);
            }
        }
        int size = e.batchClips();
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        for (int from = 0; from < at.size(); from += size) {
            List<Integer> part = at.subList(from, Math.min(at.size(), from + size));
            List<Outcome> before = part.stream().map(outcomes::get).toList();
            List<Clip> of = part.stream().map(clips::get).toList();
            futures.add(pool.submit(() -> runBatch(e, of, before)));
        }
        try (Progress.Meter meter = progress.start(e.name() + " (batches of up to " + size + ")", at.size(), "clips")) {
            for (int g = 0; g < futures.size(); g++) {
                List<Integer> part = at.subList(g * size, Math.min(at.size(), (g + 1) * size));
                List<Outcome> after;
                try {
                    after = futures.get(g).get();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("extraction interrupted in " + e.name() + " at clip " + clips.get(part.get(0)).id(), ex);
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof FeatureStoreException fatal) {
                        throw fatal;
                    }
                    throw new IllegalStateException(e.name() + ": batch of " + part.size() + " clips failed: " + ex.getCause(), ex.getCause());
                }
                for (int k = 0; k < part.size(); k++) {
                    outcomes.set(part.get(k), after.get(k));
                }
                meter.step(part.size());
            }
        }
    }

    /** One batch: the tracks of these clips in one call, or clip by clip when that call fails. */
    private List<Outcome> runBatch(BatchExtractor e, List<Clip> clips, List<Outcome> before) {
        List<Pending> todo = new ArrayList<>();
        for (Outcome o : before) {
            todo.add(o.pending().stream().filter(p -> p.extractor() == e).findFirst().orElseThrow());
        }
        List<FeatureTrack> tracks;
        try {
            tracks = e.extractAll(todo.stream().map(Pending::source).toList());
            if (tracks == null || tracks.size() != todo.size()) {
                tracks = null;
            }
        } catch (ClipFailedException | RuntimeException failed) {
            tracks = null; // redone clip by clip below, so that only the bad clip is skipped
        }
        List<Outcome> after = new ArrayList<>(todo.size());
        for (int k = 0; k < todo.size(); k++) {
            Clip clip = clips.get(k);
            Outcome o = before.get(k);
            try {
                FeatureTrack track = tracks != null ? tracks.get(k) : single(e, todo.get(k).source());
                write(todo.get(k).key(), clip, e, track);
                after.add(new Outcome(o.computed() + 1, null, o.pending()));
            } catch (ClipFailedException ex) {
                after.add(new Outcome(0, new SkippedClip(clip.id(), "extract", ex.reason(), ex.getMessage())));
            } catch (FeatureStoreException fatal) {
                throw fatal;
            } catch (RuntimeException ex) {
                after.add(new Outcome(0, new SkippedClip(clip.id(), "extract", "error", ex.getClass().getSimpleName() + ": " + ex.getMessage())));
            }
        }
        return after;
    }

    private static FeatureTrack single(FeatureExtractor e, ClipSource source) throws ClipFailedException {
        try (ExtractionSession s = e.open(source)) {
            return s.finish();
        }
    }

    private void write(FeatureKey key, Clip clip, FeatureExtractor e, FeatureTrack track) {
        try {
            store.write(key, clip.id(), e.config(), track);
        } catch (IOException ioe) {
            throw new FeatureStoreException(new IOException("cannot write to the feature cache " + store.root() + ": " + ioe
                    + "; free disk space or make features.cacheDir writable, then rerun (finished clips are kept)", ioe));
        }
    }

    private Outcome extractClip(DataRoot data, Clip clip) {
        Map<FeatureExtractor, FeatureKey> missing = new LinkedHashMap<>();
        Map<FeatureExtractor, ExtractionSession> sessions = new LinkedHashMap<>();
        try {
            ClipFiles files = ClipFiles.resolve(data, clip, extractors, wordSource);
            for (FeatureExtractor e : extractors) {
                FeatureKey k = key(files, clip, e);
                if (!store.contains(k)) {
                    missing.put(e, k);
                }
            }
            ClipDuration duration = new ClipDuration(data, clip, files);
            if (hasTimedLabels(clip)) {
                checkLabels(clip, duration); // labels are not part of the cache key: checked on every run
            }
            if (missing.isEmpty()) {
                return new Outcome(0, null);
            }
            boolean needWords = missing.keySet().stream().anyMatch(e -> e.modality() == Modality.TEXT);
            ClipSource source = source(clip, files, needWords, duration);
            List<Pending> pending = new ArrayList<>();
            for (FeatureExtractor e : missing.keySet()) {
                if (batched(e)) {
                    pending.add(new Pending(e, missing.get(e), source));
                } else {
                    sessions.put(e, e.open(source));
                }
            }
            boolean wantVideo = missing.keySet().stream().anyMatch(FeatureExtractor::needsVideo);
            boolean wantAudio = missing.keySet().stream().anyMatch(FeatureExtractor::needsAudio);
            if (wantVideo || wantAudio) {
                DecodeSummary summary = new MediaDecoder().decode(source, decode, wantVideo, wantAudio, new FanOut(sessions));
                summary.checkComplete(clip.id(), limits.minDecodedDurationRatio(), "features.limits.minDecodedDurationRatio");
            }
            for (Map.Entry<FeatureExtractor, ExtractionSession> s : sessions.entrySet()) {
                FeatureTrack track = s.getValue().finish();
                write(missing.get(s.getKey()), clip, s.getKey(), track);
            }
            return new Outcome(sessions.size(), null, pending);
        } catch (ClipFailedException e) {
            return new Outcome(0, new SkippedClip(clip.id(), "extract", e.reason(), e.getMessage()));
        } catch (FeatureStoreException e) {
            throw e;
        } catch (IOException e) {
            return new Outcome(0, new SkippedClip(clip.id(), "extract", IO_ERROR, "clip " + clip.id() + ": " + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "; " + IO_FIX));
        } catch (RuntimeException e) {
            return new Outcome(0, new SkippedClip(clip.id(), "extract", "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            sessions.values().forEach(ExtractionSession::close);
        }
    }

    private ClipSource source(Clip clip, ClipFiles files, boolean needWords, ClipDuration duration) throws ClipFailedException {
        List<TimedWord> words = List.of();
        if (needWords) {
            words = readWords(clip, files);
            checkWords(clip, files.transcript(), words, duration);
        }
        return new ClipSource(clip, path(files.video()), path(files.audio()), words);
    }

    private List<TimedWord> readWords(Clip clip, ClipFiles files) throws ClipFailedException {
        DataRoot.Checked t = files.transcript();
        if (t != null) {
            long size;
            try {
                size = Files.size(t.path());
            } catch (IOException e) {
                throw new ClipFailedException(clip.id(), IO_ERROR, "cannot read the size of transcript " + t.path() + " (" + e + "); " + IO_FIX, e);
            }
            if (size > limits.maxTranscriptBytes()) {
                throw new ClipFailedException(clip.id(), InputLimits.TRANSCRIPT_TOO_LARGE, "transcript " + t.path() + " is " + size
                        + " bytes, over features.limits.maxTranscriptBytes = " + limits.maxTranscriptBytes() + "; it was not read."
                        + " Check that the field 'transcript' names this clip's transcript, or raise the limit");
            }
        }
        try {
            return wordSource.words(clip, t, files.audio());
        } catch (MalformedFileException | CharacterCodingException e) {
            throw badTranscript(clip, t, e);
        } catch (IOException e) {
            if (t == null) {
                throw new ClipFailedException(clip.id(), "bad-transcript", "cannot transcribe the clip with " + wordSource.recognizerFor(clip)
                        + ": " + e.getMessage(), e);
            }
            throw new ClipFailedException(clip.id(), IO_ERROR, "cannot read transcript " + t.path() + " (" + e.getClass().getSimpleName()
                    + (t.insideRoot() ? ": " + e.getMessage() : "") + "); " + IO_FIX);
        } catch (RuntimeException e) {
            throw badTranscript(clip, t, e);
        }
    }

    /**
     * A transcript that breaks its format. Its message may quote an excerpt, but only of a file inside
     * the data root; for one outside it (allowed by allowOutsideRoot) only where the problem is, and no
     * cause, whose message could carry the content.
     */
    private ClipFailedException badTranscript(Clip clip, DataRoot.Checked t, Exception e) {
        if (t == null) {
            return new ClipFailedException(clip.id(), "bad-transcript", "cannot transcribe the clip with " + wordSource.recognizerFor(clip)
                    + ": " + e.getMessage(), e);
        }
        if (t.insideRoot()) {
            return new ClipFailedException(clip.id(), "bad-transcript", "cannot read transcript " + t.path() + ": " + e.getMessage(), e);
        }
        String where = e instanceof MalformedFileException m ? m.location() : t.path().toString();
        return new ClipFailedException(clip.id(), "bad-transcript", "cannot read transcript " + where + ": not a valid transcript ("
                + e.getClass().getSimpleName() + "); nothing of it is quoted because the file lies outside the data root; open it to see the problem");
    }

    private void checkWords(Clip clip, DataRoot.Checked transcript, List<TimedWord> words, ClipDuration duration) throws ClipFailedException {
        if (words.isEmpty()) {
            return;
        }
        double last = 0;
        int at = 0;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).end() > last) {
                last = words.get(i).end();
                at = i;
            }
        }
        if (last <= limits.maxWordsPastEndSeconds()) {
            return; // within the tolerance of any clip; no need to look the duration up
        }
        double d = duration.seconds();
        if (Double.isFinite(d) && last > d + limits.maxWordsPastEndSeconds()) {
            String from = transcript != null ? "transcript " + transcript.path() : "the words recognised in " + path(duration.source());
            throw new ClipFailedException(clip.id(), InputLimits.WORDS_PAST_END, from + ": word #" + (at + 1) + " of " + words.size()
                    + " ends at " + InputLimits.seconds(last) + ", but the clip lasts " + InputLimits.seconds(d) + " (" + duration.what()
                    + "), more than features.limits.maxWordsPastEndSeconds = " + InputLimits.seconds(limits.maxWordsPastEndSeconds())
                    + " past its end. Check that the transcript belongs to this clip and its times are in the format's unit"
                    + " (milliseconds in a word CSV), or raise the limit");
        }
    }

    private static boolean hasTimedLabels(Clip clip) {
        var l = clip.labels();
        return !l.ahSegments().isEmpty() || (l.inconsistentSegments() != null && !l.inconsistentSegments().isEmpty())
                || (l.traces() != null && l.traces().loaded() && !l.traces().times().isEmpty());
    }

    private void checkLabels(Clip clip, ClipDuration duration) throws ClipFailedException {
        var l = clip.labels();
        double tol = limits.maxLabelsPastEndSeconds();
        List<Object[]> ends = new ArrayList<>();
        for (int k = 0; k < l.ahSegments().size(); k++) {
            ends.add(new Object[] {"labels.ahSegments[" + k + "]", l.ahSegments().get(k).end()});
        }
        if (l.inconsistentSegments() != null) {
            for (int k = 0; k < l.inconsistentSegments().size(); k++) {
                ends.add(new Object[] {"labels.inconsistentSegments[" + k + "]", l.inconsistentSegments().get(k).end()});
            }
        }
        if (l.traces() != null && l.traces().loaded() && !l.traces().times().isEmpty()) {
            List<Double> times = l.traces().times();
            ends.add(new Object[] {"labels.traces.times[" + (times.size() - 1) + "]"
                    + (l.traces().file() == null ? "" : " (from " + l.traces().file() + ")"), times.get(times.size() - 1)});
        }
        Object[] worst = ends.stream().max(java.util.Comparator.comparingDouble(e -> (Double) e[1])).orElse(null);
        if (worst == null || (Double) worst[1] <= tol) {
            return;
        }
        double d = duration.seconds();
        if (Double.isFinite(d) && (Double) worst[1] > d + tol) {
            throw new ClipFailedException(clip.id(), InputLimits.LABELS_PAST_END, "field '" + worst[0] + "' ends at "
                    + InputLimits.seconds((Double) worst[1]) + ", but the clip lasts " + InputLimits.seconds(d) + " (" + duration.what()
                    + "), more than features.limits.maxLabelsPastEndSeconds = " + InputLimits.seconds(tol) + " past its end;"
                    + " fix the labels (are they in seconds?), give the clip's 'duration', or raise the limit");
        }
    }

    private static Path path(DataRoot.Checked c) {
        return c == null ? null : c.path();
    }

    /** The store key of a clip's track: extractor name, config hash, and the hash of the files it reads. */
    FeatureKey key(ClipFiles files, Clip clip, FeatureExtractor e) throws IOException {
        StringBuilder media = new StringBuilder();
        if (e.needsVideo()) {
            media.append("video:").append(fileHash(path(files.video()))).append(';');
        }
        if (e.needsAudio()) {
            media.append("audio:").append(fileHash(path(files.audio()))).append(';');
        }
        if (e.modality() == Modality.TEXT) {
            String recognizer = clip.transcript() == null ? wordSource.recognizerFor(clip) : null;
            if (recognizer == null) {
                media.append("transcript:").append(fileHash(path(files.transcript()))).append(';');
            } else {
                media.append("asr:").append(recognizer).append(':').append(fileHash(path(files.audio()))).append(';');
            }
        }
        return new FeatureKey(e.name(), extractorHash(e), Hashing.sha256(media.toString()));
    }

    /**
     * The extractor's part of the cache key: its config hash, and when it depends on files
     * ({@link FeatureExtractor#fileDigests()}) the hash of both, so a model replaced at the same path
     * gets new features. Extractors without files keep the plain config hash.
     */
    private String extractorHash(FeatureExtractor e) throws IOException {
        String known = extractorHashes.get(e);
        if (known != null) {
            return known;
        }
        String config = Hashing.configHash(e.config());
        Map<String, String> digests = new java.util.TreeMap<>(e.fileDigests());
        String hash = digests.isEmpty() ? config : Hashing.sha256("config " + config + "\nfiles " + digests);
        extractorHashes.put(e, hash);
        return hash;
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
