package org.mer4j.synth;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything that determines a synthetic corpus. Same config (seed included) gives byte-identical
 * manifest, transcripts and design files.
 *
 * @param seed root seed; per-subject and per-clip generators are split from it (default 42)
 * @param subjects number of participants (default 24)
 * @param clipsPerSubject clips per participant (default 6)
 * @param clipSeconds clip duration in seconds (default 8)
 * @param width video width in pixels, even (default 320)
 * @param height video height in pixels, even (default 240)
 * @param fps video frame rate (default 15)
 * @param audioSampleRate audio sample rate in Hz, 16000 or more (default 16000)
 * @param videoBitrate H.264 bit rate in bits/s (default 400000)
 * @param threads clips rendered in parallel (default 2)
 * @param design label design (default {@link LabelDesignConfig#defaults()})
 * @param conflict emotion-conflict subsets ({@link ConflictDesign}, CA-MER style), or null for none (the
 *     default; the corpus is then exactly the one without this component, and {@code corpus.json} leaves it out)
 */
public record SynthConfig(long seed, int subjects, int clipsPerSubject, double clipSeconds, int width, int height, int fps,
                          int audioSampleRate, int videoBitrate, int threads, LabelDesignConfig design,
                          @JsonInclude(JsonInclude.Include.NON_NULL) ConflictDesign conflict) {
    public SynthConfig {
        positive("subjects", subjects, "give at least one participant");
        positive("clipsPerSubject", clipsPerSubject, "give at least one clip per participant");
        if (!(clipSeconds >= 1 && clipSeconds <= 600)) {
            throw new IllegalArgumentException("synth.clipSeconds must be in [1, 600] s, got " + clipSeconds);
        }
        if (width < 64 || height < 64 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("synth.width/height must be even and >= 64 (YUV420P video), got " + width + "x" + height);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("synth.fps must be in [1, 60], got " + fps);
        }
        if (audioSampleRate < 16000 || audioSampleRate > 48000) {
            throw new IllegalArgumentException("synth.audioSampleRate must be in [16000, 48000] Hz (formants reach 3 kHz), got " + audioSampleRate);
        }
        positive("videoBitrate", videoBitrate, "e.g. 400000");
        positive("threads", threads, "use 1 or more");
        design = design == null ? LabelDesignConfig.defaults() : design;
        if (design.minSegmentSeconds() > clipSeconds) {
            throw new IllegalArgumentException("synth.design.minSegmentSeconds (" + design.minSegmentSeconds()
                    + ") exceeds synth.clipSeconds (" + clipSeconds + "); shorten the segments or lengthen the clips");
        }
    }

    /** A config without emotion-conflict subsets ({@code conflict = null}). */
    public SynthConfig(long seed, int subjects, int clipsPerSubject, double clipSeconds, int width, int height, int fps,
                       int audioSampleRate, int videoBitrate, int threads, LabelDesignConfig design) {
        this(seed, subjects, clipsPerSubject, clipSeconds, width, height, fps, audioSampleRate, videoBitrate, threads, design, null);
    }

    /** The quickstart corpus: 24 subjects x 6 clips x 8 s, 320x240 at 15 fps, 16 kHz lossless audio, seed 42. */
    public static SynthConfig quickstart() {
        return new SynthConfig(42, 24, 6, 8.0, 320, 240, 15, 16000, 400_000, 2, LabelDesignConfig.defaults());
    }

    /** A tiny corpus for tests: {@code subjects} x {@code clips} clips of {@code seconds} s at 160x120, 10 fps. */
    public static SynthConfig tiny(long seed, int subjects, int clips, double seconds) {
        return new SynthConfig(seed, subjects, clips, seconds, 160, 120, 10, 16000, 150_000, 2, LabelDesignConfig.defaults());
    }

    /** This config with another seed. */
    public SynthConfig withSeed(long newSeed) {
        return new SynthConfig(newSeed, subjects, clipsPerSubject, clipSeconds, width, height, fps, audioSampleRate,
                videoBitrate, threads, design, conflict);
    }

    /**
     * This config with emotion-conflict subsets {@code newConflict} (null switches them off), e.g.
     * {@code SynthConfig.quickstart().withConflict(ConflictDesign.defaults())}.
     */
    public SynthConfig withConflict(ConflictDesign newConflict) {
        return new SynthConfig(seed, subjects, clipsPerSubject, clipSeconds, width, height, fps, audioSampleRate,
                videoBitrate, threads, design, newConflict);
    }

    /** Frames per clip. */
    public int framesPerClip() {
        return (int) Math.round(clipSeconds * fps);
    }

    private static void positive(String field, int v, String fix) {
        if (v < 1) {
            throw new IllegalArgumentException("synth." + field + " must be >= 1, got " + v + "; " + fix);
        }
    }
}
