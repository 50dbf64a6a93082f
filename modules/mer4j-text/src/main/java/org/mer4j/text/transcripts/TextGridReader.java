package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mer4j.api.Excerpt;

/**
 * Praat TextGrid (Boersma &amp; Weenink, Praat: doing phonetics by computer), long ("text") and
 * short formats, UTF-8 or UTF-16. Both are read as the same stream of values: quoted strings
 * ({@code ""} escapes a quote, strings may span lines), numbers and {@code <exists>} flags, while
 * labels such as {@code xmin =}, {@code item [1]:} and {@code !} comments are skipped, which is
 * how Praat itself reads them. The word tier is an IntervalTier chosen by name (option
 * {@code tier}); with no name the first IntervalTier named {@code words} or {@code word}
 * (case-insensitive) is taken, else the first IntervalTier. Empty intervals and silence labels
 * ({@code sil}, {@code sp}, {@code <sil>}, {@code #}) are pauses, not words.
 */
public final class TextGridReader implements TranscriptReader {
    /** Format name. */
    public static final String FORMAT = "textgrid";
    private static final Set<String> SILENCE = Set.of("", "sil", "sp", "spn", "<sil>", "<sp>", "#", "<p:>", "{sl}", "{lg}");
    private final String tier;

    /** Picks the word tier automatically. */
    public TextGridReader() {
        this(null);
    }

    /** @param tier name of the IntervalTier holding words, or null to pick automatically */
    public TextGridReader(String tier) {
        this.tier = tier == null || tier.isBlank() ? null : tier;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of("textgrid");
    }

    private record Tok(String text, boolean string, int line) {
    }

    private record Interval(double xmin, double xmax, String text, int line) {
    }

    private record Tier(String cls, String name, int line, List<Interval> intervals) {
    }

    @Override
    public Transcript read(Path file) throws IOException {
        RepairLog log = new RepairLog();
        List<Tok> toks = tokens(TextDecoder.read(file, log));
        Cursor c = new Cursor(file, toks);
        String fileType = c.string("File type");
        String objectClass = c.string("Object class");
        if (!"ooTextFile".equals(fileType) || !"TextGrid".equals(objectClass)) {
            throw TranscriptException.at(file, 1, "File type", "header " + Excerpt.quote(fileType) + " / " + Excerpt.quote(objectClass),
                    "File type = \"ooTextFile\" and Object class = \"TextGrid\"", "save the TextGrid from Praat as a text file (not binary)");
        }
        c.number("xmin");
        c.number("xmax");
        if (c.peekFlag()) {
            String flag = c.next("tiers?").text();
            if (!"<exists>".equals(flag)) {
                throw TranscriptException.at(file, c.line(), "tiers?", "the TextGrid has no tiers", "<exists>", "add a word tier in Praat");
            }
        }
        int n = (int) c.number("size");
        List<Tier> tiers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int line = c.line();
            String cls = c.string("class");
            String name = c.string("name");
            c.number("xmin");
            c.number("xmax");
            int count = (int) c.number("intervals: size");
            List<Interval> intervals = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                if ("IntervalTier".equals(cls)) {
                    int l = c.line();
                    double a = c.number("xmin");
                    double b = c.number("xmax");
                    intervals.add(new Interval(a, b, c.string("text"), l));
                } else {
                    c.number("number");
                    c.string("mark");
                }
            }
            tiers.add(new Tier(cls, name, line, intervals));
        }
        Tier chosen = choose(file, tiers);
        List<RawWord> words = new ArrayList<>();
        for (Interval iv : chosen.intervals()) {
            String text = iv.text().strip();
            if (SILENCE.contains(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String field = "tier " + Excerpt.quote(chosen.name()) + " interval text";
            if (iv.xmax() < iv.xmin()) {
                throw TranscriptException.at(file, iv.line(), field, "interval " + Excerpt.quote(text) + " ends before it starts (" + iv.xmin() + " > " + iv.xmax() + ")",
                        "xmin <= xmax", "fix the interval in Praat");
            }
            List<String> tokens = WordSpreader.tokens(text);
            if (tokens.size() <= 1) {
                words.add(new RawWord(text, iv.xmin(), iv.xmax(), iv.line(), field));
            } else {
                for (var w : WordSpreader.spread(text, iv.xmin(), iv.xmax())) {
                    words.add(new RawWord(w.word(), w.start(), w.end(), iv.line(), field));
                }
            }
        }
        return new Transcript(file, format(), WordTimeline.finish(file, words, log), log.report());
    }

    private Tier choose(Path file, List<Tier> tiers) throws TranscriptException {
        List<String> names = new ArrayList<>();
        for (Tier t : tiers) {
            names.add(Excerpt.of(t.name()) + " (" + Excerpt.of(t.cls()) + ")");
        }
        if (tier != null) {
            for (Tier t : tiers) {
                if (t.name().equals(tier)) {
                    if (!"IntervalTier".equals(t.cls())) {
                        throw TranscriptException.at(file, t.line(), "tier", "tier " + Excerpt.quote(tier) + " is a " + Excerpt.of(t.cls()),
                                "an IntervalTier of words", "name an IntervalTier; tiers are " + Excerpt.of(names.toString()));
                    }
                    return t;
                }
            }
            throw TranscriptException.at(file, 0, "tier", "no tier named " + Excerpt.quote(tier), "one of " + Excerpt.of(names.toString()), "set the tier option to one of them");
        }
        for (Tier t : tiers) {
            String lower = t.name().toLowerCase(Locale.ROOT);
            if ("IntervalTier".equals(t.cls()) && (lower.equals("words") || lower.equals("word"))) {
                return t;
            }
        }
        for (Tier t : tiers) {
            if ("IntervalTier".equals(t.cls())) {
                return t;
            }
        }
        throw TranscriptException.at(file, 0, "tier", "no IntervalTier among " + Excerpt.of(names.toString()), "an IntervalTier of words",
                "add a word tier (e.g. from a forced aligner such as the Montreal Forced Aligner)");
    }

    private static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char ch = s.charAt(i);
            if (ch == '\n') {
                line++;
                i++;
            } else if (ch == '"') {
                int startLine = line;
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (d == '\n') {
                        line++;
                    }
                    sb.append(d);
                    i++;
                }
                out.add(new Tok(sb.toString(), true, startLine));
            } else if (ch == '!') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(ch)) {
                i++;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '"') {
                    j++;
                }
                String word = s.substring(i, j);
                if (word.equals("<exists>") || word.equals("<absent>") || isNumber(word)) {
                    out.add(new Tok(word, false, line));
                }
                i = j;
            }
        }
        return out;
    }

    private static boolean isNumber(String w) {
        try {
            Double.parseDouble(w);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Walks the token stream; every read names what it expected when the stream does not match. */
    private static final class Cursor {
        private final Path file;
        private final List<Tok> toks;
        private int pos;

        Cursor(Path file, List<Tok> toks) {
            this.file = file;
            this.toks = toks;
        }

        int line() {
            return pos < toks.size() ? toks.get(pos).line() : (toks.isEmpty() ? 0 : toks.get(toks.size() - 1).line());
        }

        boolean peekFlag() {
            return pos < toks.size() && toks.get(pos).text().startsWith("<");
        }

        Tok next(String field) throws TranscriptException {
            if (pos >= toks.size()) {
                throw TranscriptException.at(file, line(), field, "the file ends early", "a value for '" + field + "'",
                        "the TextGrid is truncated; save it again from Praat");
            }
            return toks.get(pos++);
        }

        String string(String field) throws TranscriptException {
            Tok t = next(field);
            if (!t.string()) {
                throw TranscriptException.at(file, t.line(), field, "found " + Excerpt.quote(t.text()), "a quoted string", "fix the TextGrid structure");
            }
            return t.text();
        }

        double number(String field) throws TranscriptException {
            Tok t = next(field);
            if (t.string() || t.text().startsWith("<")) {
                throw TranscriptException.at(file, t.line(), field, "found " + Excerpt.quote(t.text()), "a number", "fix the TextGrid structure");
            }
            return Double.parseDouble(t.text());
        }
    }
}
