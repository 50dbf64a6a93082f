package org.mer4j.synth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.Modality;

/**
 * Time-weighted label statistics of a set of clip plans, used to check the design: the A/H share,
 * the share of clips without A/H, and per modality how often it shows a non-base emotion and
 * carries a hesitation cue inside and outside A/H. Equal shift rates inside and outside A/H mean a
 * single modality's emotion alone says nothing about A/H.
 *
 * @param clips number of clips
 * @param ahTimeFraction share of time inside A/H (discord) segments
 * @param cleanClipFraction share of clips with no A/H segment
 * @param shiftRateInAh per modality: share of A/H time showing a non-base emotion
 * @param shiftRateOutsideAh per modality: share of non-A/H time showing a non-base emotion
 * @param cueRateInAh per modality: share of A/H time carrying a hesitation cue
 * @param cueRateOutsideAh per modality: share of non-A/H time carrying a hesitation cue
 */
public record CorpusStatistics(int clips, double ahTimeFraction, double cleanClipFraction,
                               Map<Modality, Double> shiftRateInAh, Map<Modality, Double> shiftRateOutsideAh,
                               Map<Modality, Double> cueRateInAh, Map<Modality, Double> cueRateOutsideAh) {

    /** Computes the statistics of {@code plans}. */
    public static CorpusStatistics of(List<ClipPlan> plans) {
        double total = 0;
        double ah = 0;
        int clean = 0;
        Map<Modality, double[]> shift = new EnumMap<>(Modality.class);   // [in AH, outside AH]
        Map<Modality, double[]> cue = new EnumMap<>(Modality.class);
        for (Modality m : Modality.values()) {
            shift.put(m, new double[2]);
            cue.put(m, new double[2]);
        }
        for (ClipPlan p : plans) {
            if (!p.hasDiscord()) {
                clean++;
            }
            for (SegmentPlan s : p.segments()) {
                double d = s.duration();
                boolean inAh = s.type() == SegmentType.DISCORD;
                total += d;
                ah += inAh ? d : 0;
                for (Modality m : Modality.values()) {
                    if (s.emotionOf(m) != p.baseEmotion()) {
                        shift.get(m)[inAh ? 0 : 1] += d;
                    }
                    if (s.hesitationCue() == m) {
                        cue.get(m)[inAh ? 0 : 1] += d;
                    }
                }
            }
        }
        double in = ah;
        double out = total - ah;
        return new CorpusStatistics(plans.size(), total == 0 ? 0 : ah / total,
                plans.isEmpty() ? 0 : clean / (double) plans.size(),
                rates(shift, 0, in), rates(shift, 1, out), rates(cue, 0, in), rates(cue, 1, out));
    }

    private static Map<Modality, Double> rates(Map<Modality, double[]> sums, int which, double denom) {
        Map<Modality, Double> r = new EnumMap<>(Modality.class);
        for (Modality m : Modality.values()) {
            r.put(m, denom == 0 ? 0 : Math.round(sums.get(m)[which] / denom * 1e4) / 1e4);
        }
        return r;
    }
}
