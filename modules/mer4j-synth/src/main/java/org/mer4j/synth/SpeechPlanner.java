package org.mer4j.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mer4j.api.Modality;

/**
 * Fills one segment with words and their syllables. The words follow the segment's text emotion
 * and intensity, the syllables' timing, pitch and loudness its voice emotion and intensity
 * ({@link ProsodyStyle}). A
 * hesitation cue in the text adds a filler, hedge, contrastive "but" or a repeated word; a cue in
 * the voice adds a long pause, a lengthened syllable before it and a rising final contour. Every
 * word ends inside its segment.
 */
public final class SpeechPlanner {
    private static final double EDGE_GAP = 0.06;
    private static final Vowel[] VOWELS = Vowel.values();

    private final SubjectProfile subject;

    public SpeechPlanner(SubjectProfile subject) {
        this.subject = subject;
    }

    /** Plans the words of {@code seg}, appending them to {@code out}. */
    public void plan(SegmentPlan seg, SplittableRandom rng, List<PlannedWord> out) {
        ProsodyStyle style = ProsodyStyle.of(seg.voice(), subject, seg.voiceIntensity());
        boolean voiceCue = seg.hesitationCue() == Modality.AUDIO;
        boolean textCue = seg.hesitationCue() == Modality.TEXT;
        List<String> script = script(seg, textCue, rng);
        double end = seg.end() - EDGE_GAP;
        double cursor = seg.start() + 0.05 + 0.12 * rng.nextDouble();
        boolean paused = false;
        int firstOfSegment = out.size();
        for (int w = 0; w < script.size(); w++) {
            String word = script.get(w);
            int n = Vocabulary.syllables(word);
            boolean beforePause = voiceCue && !paused && cursor > seg.start() + seg.duration() * 0.35;
            double[] durations = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                durations[i] = style.syllableSeconds() * (0.8 + 0.4 * rng.nextDouble()) * (beforePause && i == n - 1 ? 1.6 : 1);
                total += durations[i];
            }
            if (cursor + total > end) {
                break;
            }
            List<Syllable> syllables = new ArrayList<>(n);
            double t = cursor;
            for (int i = 0; i < n; i++) {
                double offset = (rng.nextDouble() * 2 - 1) * style.rangeSemitones() / 2;
                double fall = style.glideSemitones() / n;
                double pos = n == 1 ? 0 : (double) i / (n - 1) - 0.5;   // word-level declination
                double centre = offset - style.glideSemitones() * pos;
                double f0s = semitones(style.f0Hz(), centre + fall / 2);
                double f0e = semitones(style.f0Hz(), centre - fall / 2);
                double consonant = rng.nextDouble() < 0.65 ? round(0.025 + 0.025 * rng.nextDouble()) : 0;
                double amp = Math.min(1, style.loudness() * (0.85 + 0.2 * rng.nextDouble()) * (i == 0 ? 1.08 : 1));
                Vowel vowel = VOWELS[rng.nextInt(VOWELS.length)];
                double s = round(t);
                double e = round(t + durations[i]);
                syllables.add(new Syllable(s, e, Math.min(consonant, (e - s) / 3), round1(f0s), round1(f0e), vowel, round3(amp)));
                t += durations[i];
            }
            out.add(new PlannedWord(word, syllables.get(0).start(), syllables.get(n - 1).end(), seg.index(), syllables));
            cursor = t + 0.04 + 0.1 * rng.nextDouble();
            if (beforePause) {
                cursor += 0.35 + 0.25 * rng.nextDouble();
                paused = true;
            }
        }
        if (voiceCue && out.size() > firstOfSegment) {
            raiseFinalContour(out, out.size() - 1);
        }
    }

    /** A question-like rise (+4 semitones) on the last syllable of word {@code index}. */
    private static void raiseFinalContour(List<PlannedWord> out, int index) {
        PlannedWord w = out.get(index);
        List<Syllable> syl = new ArrayList<>(w.syllables());
        Syllable last = syl.get(syl.size() - 1);
        syl.set(syl.size() - 1, new Syllable(last.start(), last.end(), last.consonantSeconds(), last.f0StartHz(),
                round1(semitones(last.f0StartHz(), 4)), last.vowel(), last.amplitude()));
        out.set(index, new PlannedWord(w.word(), w.start(), w.end(), w.segment(), syl));
    }

    /** The words intended for the segment (more than fit; planning stops at the segment end). */
    private static List<String> script(SegmentPlan seg, boolean textCue, SplittableRandom rng) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            words.add(Vocabulary.nextWord(seg.words(), seg.wordsIntensity(), rng));
        }
        if (textCue) {
            int at = 1 + rng.nextInt(2);
            int kind = rng.nextInt(4);
            List<String> cue = switch (kind) {
                case 0 -> List.of(Vocabulary.pick(Vocabulary.FILLERS, rng));
                case 1 -> List.of(Vocabulary.pick(Vocabulary.HEDGES, rng).split(" "));
                case 2 -> List.of("but", Vocabulary.pick(Vocabulary.FILLERS, rng));
                default -> List.of(words.get(at - 1));          // repetition of the previous word
            };
            words.addAll(at, cue);
            if (kind != 1) {
                words.add(at + cue.size() + 2, Vocabulary.pick(Vocabulary.HEDGES, rng).split(" ")[0]);
            }
        }
        return words;
    }

    private static double semitones(double hz, double st) {
        return hz * Math.pow(2, st / 12.0);
    }

    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
