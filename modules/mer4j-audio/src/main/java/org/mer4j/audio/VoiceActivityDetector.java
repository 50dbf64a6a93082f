package org.mer4j.audio;

/**
 * Streaming voice activity per 10 ms hop from energy and voicing with hangover. A hop is speech
 * <em>evidence</em> when it is voiced, or when its level is above the silence level and at least
 * {@code marginDb} above a noise floor that follows the level down at once and rises at most
 * {@code floorRiseDbPerSecond} (a minimum tracker in the spirit of Martin's minimum statistics,
 * IEEE TSAP 2001). The speech <em>flag</em> is evidence held for {@code hangoverSeconds}. A pause is
 * a run of non-evidence hops of at least {@code minPauseSeconds} between two evidence hops; leading
 * and trailing silence are not pauses.
 */
public final class VoiceActivityDetector {
    private final PauseConfig cfg;
    private final double silenceDb;
    private final double hop;
    private final int hangoverHops;
    private final int minPauseHops;
    private final double riseDbPerHop;
    private double floorDb = Double.NaN;
    private int sinceEvidence = Integer.MAX_VALUE / 2;
    private boolean seenSpeech;
    private int gap;

    private long hops;
    private long evidenceHops;
    private long pauses;
    private long pauseHops;
    private int maxPauseHops;

    public VoiceActivityDetector(PauseConfig cfg, double silenceDb, double hopSeconds) {
        this.cfg = cfg;
        this.silenceDb = silenceDb;
        this.hop = hopSeconds;
        this.hangoverHops = (int) Math.round(cfg.hangoverSeconds() / hopSeconds);
        this.minPauseHops = Math.max(1, (int) Math.round(cfg.minPauseSeconds() / hopSeconds));
        this.riseDbPerHop = cfg.floorRiseDbPerSecond() * hopSeconds;
    }

    /**
     * Takes the next hop.
     *
     * @return whether the hop is speech evidence (before hangover)
     */
    public boolean update(double levelDb, boolean voiced) {
        hops++;
        floorDb = Double.isNaN(floorDb) ? levelDb : Math.min(levelDb, floorDb + riseDbPerHop);
        boolean evidence = voiced || (levelDb > silenceDb && levelDb >= floorDb + cfg.marginDb());
        if (evidence) {
            if (seenSpeech && gap >= minPauseHops) {
                pauses++;
                pauseHops += gap;
                maxPauseHops = Math.max(maxPauseHops, gap);
            }
            gap = 0;
            seenSpeech = true;
            sinceEvidence = 0;
            evidenceHops++;
        } else {
            gap++;
            sinceEvidence++;
        }
        return evidence;
    }

    /** Whether the last hop is speech (evidence within the hangover). */
    public boolean speech() {
        return sinceEvidence <= hangoverHops;
    }

    /** Seconds of the current non-evidence run (0 right after evidence). */
    public double currentGapSeconds() {
        return gap * hop;
    }

    /** Pauses completed so far. */
    public long pauses() {
        return pauses;
    }

    /** Pause statistics over everything seen so far. */
    public PauseStats stats(long syllables) {
        return PauseStats.of(hops, evidenceHops, pauses, pauseHops, maxPauseHops, syllables, hop);
    }
}
