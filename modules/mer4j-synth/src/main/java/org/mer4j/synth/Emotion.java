package org.mer4j.synth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The four categorical emotions the synthetic corpus expresses (clip labels use {@link #key()}),
 * each with a prototype position in the valence/arousal circumplex (Russell 1980), both axes in
 * [-1, 1]:
 *
 * <table>
 *   <caption>circumplex prototypes</caption>
 *   <tr><th>emotion</th><th>valence</th><th>arousal</th><th>quadrant</th></tr>
 *   <tr><td>neutral</td><td>0.0</td><td>0.0</td><td>centre</td></tr>
 *   <tr><td>happy</td><td>+0.8</td><td>+0.5</td><td>pleasant, activated</td></tr>
 *   <tr><td>sad</td><td>-0.7</td><td>-0.4</td><td>unpleasant, deactivated</td></tr>
 *   <tr><td>angry</td><td>-0.6</td><td>+0.8</td><td>unpleasant, highly activated</td></tr>
 * </table>
 *
 * Happy lies between Russell's "happy" and "pleased" (clearly positive, moderately aroused), sad
 * near "sad"/"gloomy" (negative, somewhat low arousal), angry near "angry"/"annoyed" (negative,
 * high arousal). Angry is slightly less negative than sad so that the two differ in valence too.
 */
public enum Emotion {
    NEUTRAL(0.0, 0.0), HAPPY(0.8, 0.5), SAD(-0.7, -0.4), ANGRY(-0.6, 0.8);

    private final double valence;
    private final double arousal;

    Emotion(double valence, double arousal) {
        this.valence = valence;
        this.arousal = arousal;
    }

    /** Prototype valence (displeasure -1 .. pleasure +1). */
    public double valence() {
        return valence;
    }

    /** Prototype arousal (deactivation -1 .. activation +1). */
    public double arousal() {
        return arousal;
    }

    /** Lower-case label as written in manifests and design files. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label ("happy"), naming the known labels when it fails. */
    @JsonCreator
    public static Emotion parse(String value) {
        for (Emotion e : values()) {
            if (e.key().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown emotion '" + value + "'; expected one of neutral, happy, sad, angry");
    }
}
