package org.mer4j.text.transcripts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.Excerpt;

/** Parses clock times {@code [h:]mm:ss[,.]fff} (SRT, WebVTT, MELD) into seconds. */
public final class Timestamps {
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})(?:[,.](\\d{1,9}))?");

    private Timestamps() {
    }

    /**
     * Seconds of a clock time such as {@code 00:01:02,500}, {@code 1:02.5} or {@code 0:00:03,003}.
     *
     * @throws IllegalArgumentException with the expected form when {@code s} is not a clock time
     *     (negative times, minutes or seconds over 59 included)
     */
    public static double parse(String s) {
        String t = s == null ? "" : s.strip();
        Matcher m = CLOCK.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(Excerpt.quote(t) + " is not a time hh:mm:ss,mmm" + (t.startsWith("-") ? " (negative)" : ""));
        }
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int sec = Integer.parseInt(m.group(3));
        if (min > 59 || sec > 59) {
            throw new IllegalArgumentException(Excerpt.quote(t) + " has minutes or seconds over 59");
        }
        double frac = m.group(4) == null ? 0 : Double.parseDouble("0." + m.group(4));
        return h * 3600 + min * 60 + sec + frac;
    }
}
