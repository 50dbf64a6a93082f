package org.mer4j.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One {@link VoiceAnalyzer} pass shared by every voice session ({@code egemaps-lld}, {@code egemaps},
 * {@code vad}) opened on the same clip with the same {@link VoiceConfig} before its audio starts:
 * the decoder hands each chunk to each session, the first session to deliver a stretch of samples
 * feeds it to the analyzer (per-subscriber sample counts tell which samples are new) and every hop
 * goes to all subscribers. So three extractors cost one analysis. A session opened after the
 * analysis has started gets a fresh pass of its own, so sequential or repeated extraction stays
 * correct. Thread-safe; entries are weakly keyed by the clip source.
 */
final class SharedVoiceAnalysis implements VoiceFrameListener {
    private static final Map<Object, List<SharedVoiceAnalysis>> OPEN = new WeakHashMap<>();

    private final VoiceConfig cfg;
    private final List<VoiceSession> subscribers = new ArrayList<>();
    private final List<long[]> delivered = new ArrayList<>();
    private VoiceAnalyzer analyzer;
    private int sampleRate;
    private long fed;
    private boolean finished;

    private SharedVoiceAnalysis(VoiceConfig cfg) {
        this.cfg = cfg;
    }

    /** Subscribes a session to the not-yet-started pass of its clip and config, or to a new one. */
    static SharedVoiceAnalysis join(Object clipKey, VoiceConfig cfg, VoiceSession session) {
        synchronized (OPEN) {
            List<SharedVoiceAnalysis> list = OPEN.computeIfAbsent(clipKey, k -> new ArrayList<>());
            list.removeIf(s -> s.fed > 0 || s.finished);
            SharedVoiceAnalysis shared = null;
            for (SharedVoiceAnalysis s : list) {
                if (s.cfg.equals(cfg)) {
                    shared = s;
                }
            }
            if (shared == null) {
                shared = new SharedVoiceAnalysis(cfg);
                list.add(shared);
            }
            synchronized (shared) {
                shared.subscribers.add(session);
                shared.delivered.add(new long[1]);
            }
            return shared;
        }
    }

    /** A session's next chunk; only samples no subscriber has delivered yet reach the analyzer. */
    synchronized void feed(VoiceSession session, int rate, float[] samples) {
        if (analyzer == null) {
            analyzer = new VoiceAnalyzer(cfg, rate, this);
            sampleRate = rate;
        }
        if (rate != sampleRate) {
            throw new IllegalArgumentException("audio at " + rate + " Hz after " + sampleRate
                    + " Hz for the same clip; decode the clip at one fixed sample rate");
        }
        long[] pos = delivered.get(indexOf(session));
        long end = pos[0] + samples.length;
        if (end > fed) {
            if (finished) {
                throw new IllegalStateException("a voice session received more audio after another session of the same clip"
                        + " finished; feed every session of a clip the same audio before finishing any");
            }
            int skip = (int) (fed - pos[0]);
            analyzer.accept(skip == 0 ? samples : java.util.Arrays.copyOfRange(samples, skip, samples.length));
            fed = end;
        }
        pos[0] = end;
    }

    /** Flushes the pass (once); afterwards every subscriber has seen every hop. */
    synchronized void finish() {
        if (!finished && analyzer != null) {
            finished = true;
            analyzer.finish();
        }
    }

    synchronized boolean started() {
        return analyzer != null;
    }

    @Override
    public void onFrame(int step, float[] lld, boolean voiced, double levelDb, boolean signal) {
        for (VoiceSession s : subscribers) {
            s.onFrame(step, lld, voiced, levelDb, signal);
        }
    }

    private int indexOf(VoiceSession s) {
        for (int i = 0; i < subscribers.size(); i++) {
            if (subscribers.get(i) == s) {
                return i;
            }
        }
        throw new IllegalStateException("session not subscribed");
    }
}
