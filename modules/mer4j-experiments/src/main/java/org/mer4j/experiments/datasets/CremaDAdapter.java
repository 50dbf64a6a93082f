package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREMA-D (Cao, Cooper, Keutmann, Gur, Nenkova and Verma, "CREMA-D: Crowd-sourced Emotional
 * Multimodal Actors Dataset", IEEE Transactions on Affective Computing 5(4), 2014) as distributed in
 * the CheyneyComputerScience/CREMA-D repository: {@code AudioWAV/AAAA_SSS_EEE_LL.wav} (actor
 * 1001..1091, sentence code, emotion ANG DIS FEA HAP NEU SAD, level LO MD HI or XX unspecified),
 * {@code VideoFlash/<same>.flv} (optional), {@code VideoDemographics.csv} (ActorID, Age, Sex, Race,
 * Ethnicity) and the crowd ratings {@code processedResults/tabulatedVotes.csv}.
 *
 * <p>Labels: {@code emotion} is the <em>intended</em> (acted) emotion from the file name;
 * {@code emotionDistribution} is the <em>perceived</em> emotion, the raters' vote counts for the
 * clip. tabulatedVotes.csv holds counts per clip and rating condition (its row name is
 * {@code 100000 * queryType + clip number}: 1 voice only, 2 face only, 3 audio-visual, as its
 * tabulateVotesV2.r writes them); option {@code votes} picks the condition ({@code auto}: audio-visual
 * votes for clips with video, voice votes for audio-only clips; {@code voice}, {@code face},
 * {@code audiovisual}, {@code none}). When only {@code summaryTable.csv} is there (its majority votes
 * {@code VoiceVote}, {@code FaceVote}, {@code MultiModalVote}, ties joined by ':'), each majority
 * class gets one vote. The emotion task's {@code targets: soft} trains on the distribution, while
 * its metrics score against the intended label.
 *
 * <p>Option {@code media}: {@code auto} (default; the flv as video when VideoFlash/ has it, the wav as
 * audio), {@code audio} (wav only), {@code video} (flv only, with its own audio track). Clip id = file
 * stem, subject = actor id; metadata {@code sentence}, {@code text}, {@code level}, {@code gender},
 * {@code age}, {@code race}, {@code ethnicity} (from VideoDemographics.csv when present),
 * {@code votes} (the rating condition of the distribution) and {@code raters} (the number of votes,
 * from tabulatedVotes.csv).
 */
public final class CremaDAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "cremad";

    private static final Logger LOG = LoggerFactory.getLogger(CremaDAdapter.class);
    private static final Pattern FILE = Pattern.compile("(\\d{4})_([A-Z]{3})_([A-Z]{3})_([A-Z]{2})");

    /** Emotion codes of the file names, in the order of the vote columns A D F H N S. */
    static final Map<String, String> EMOTIONS = new LinkedHashMap<>();
    /** Vote letters of the rating tables. */
    static final Map<String, String> VOTES = new LinkedHashMap<>();
    static final Map<String, String> LEVELS = Map.of("LO", "low", "MD", "medium", "HI", "high", "XX", "unspecified");
    /** The twelve sentences, from the CREMA-D documentation. */
    static final Map<String, String> SENTENCES = new LinkedHashMap<>();
    static final List<String> MEDIA = List.of("auto", "audio", "video");
    static final List<String> CONDITIONS = List.of("auto", "voice", "face", "audiovisual", "none");

    static {
        String[][] e = {{"ANG", "A", "anger"}, {"DIS", "D", "disgust"}, {"FEA", "F", "fear"}, {"HAP", "H", "happy"},
            {"NEU", "N", "neutral"}, {"SAD", "S", "sad"}};
        for (String[] x : e) {
            EMOTIONS.put(x[0], x[2]);
            VOTES.put(x[1], x[2]);
        }
        SENTENCES.put("IEO", "It's eleven o'clock");
        SENTENCES.put("TIE", "That is exactly what happened");
        SENTENCES.put("IOM", "I'm on my way to the meeting");
        SENTENCES.put("IWW", "I wonder what this is about");
        SENTENCES.put("TAI", "The airplane is almost full");
        SENTENCES.put("MTI", "Maybe tomorrow it will be cold");
        SENTENCES.put("IWL", "I would like a new alarm clock");
        SENTENCES.put("ITH", "I think I have a doctor's appointment");
        SENTENCES.put("DFA", "Don't forget a jacket");
        SENTENCES.put("ITS", "I think I've seen this before");
        SENTENCES.put("TSI", "The surface is slick");
        SENTENCES.put("WSI", "We'll stop in a couple of minutes");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "the CREMA-D folder with AudioWAV/1001_DFA_ANG_XX.wav, optionally VideoFlash/1001_DFA_ANG_XX.flv,"
                + " VideoDemographics.csv and processedResults/tabulatedVotes.csv";
    }

    @Override
    public Manifest load(Path root, Path workDir) throws IOException {
        return load(root, workDir, Map.of());
    }

    @Override
    public Manifest load(Path corpus, Path workDir, Map<String, String> options) throws IOException {
        AdapterOptions o = AdapterOptions.of(NAME, options, "media", "votes");
        String media = o.choice("media", "auto", MEDIA);
        String condition = o.choice("votes", "auto", CONDITIONS);
        Path root = CorpusFiles.folder(corpus, expectedLayout());
        Map<String, Path> wavs = media(root, "AudioWAV", "wav");
        Map<String, Path> flvs = media(root, "VideoFlash", "flv");
        if (wavs.isEmpty() && !(media.equals("video") && !flvs.isEmpty())) {
            String hint = Files.isDirectory(root.resolve("data").resolve("AudioWAV")) ? "; the older release keeps it under data/: set"
                    + " data.root to " + root.resolve("data") : "";
            throw new ManifestException("data.root " + root + ": no AudioWAV/*.wav" + hint + "; give " + expectedLayout());
        }
        if (media.equals("video") && flvs.isEmpty()) {
            throw new ManifestException("data.root " + root + ": data.options.media is video but there is no VideoFlash/*.flv; unpack"
                    + " VideoFlash or use media: audio");
        }
        Map<String, Map<String, String>> actors = demographics(root);
        Votes votes = condition.equals("none") ? Votes.NONE : votes(root);
        List<Clip> clips = new ArrayList<>();
        Map<String, Path> primary = media.equals("video") ? flvs : wavs;
        int withoutVotes = 0;
        for (Map.Entry<String, Path> e : primary.entrySet()) {
            String id = e.getKey();
            Matcher m = FILE.matcher(id);
            Path file = e.getValue();
            checkName(file, m);
            Path video = media.equals("audio") ? null : flvs.get(id);
            Path audio = media.equals("video") ? null : wavs.get(id);
            String cond = condition.equals("auto") ? (video != null ? "audiovisual" : "voice") : condition;
            Map<String, Double> dist = votes.of(cond, id);
            if (dist == null && !condition.equals("none")) {
                withoutVotes++;
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("sentence", m.group(2));
            meta.put("text", SENTENCES.get(m.group(2)));
            meta.put("level", LEVELS.get(m.group(4)));
            Map<String, String> actor = actors.get(m.group(1));
            if (actor != null) {
                meta.putAll(actor);
            }
            if (dist != null) {
                meta.put("votes", cond);
                if (votes.counts()) {
                    meta.put("raters", Long.toString(Math.round(dist.values().stream().mapToDouble(Double::doubleValue).sum())));
                }
            }
            ClipLabels labels = new ClipLabels(EMOTIONS.get(m.group(3)), dist, List.of(), null, null, null, null, null);
            clips.add(new Clip(id, m.group(1), video == null ? null : CorpusFiles.relative(root, video),
                    audio == null ? null : CorpusFiles.relative(root, audio), null, labels, null, meta));
        }
        if (!actors.isEmpty()) {
            for (Clip c : clips) {
                if (!c.metadata().containsKey("gender")) {
                    throw new ManifestException(root.resolve("VideoDemographics.csv") + ": no row for actor " + c.subject() + " (clip " + c.id()
                            + "); restore the file as distributed");
                }
            }
        } else {
            LOG.warn("CREMA-D: no VideoDemographics.csv under {}; clips have no gender/age/race metadata", root);
        }
        if (withoutVotes > 0) {
            LOG.warn("CREMA-D: {} of {} clips have no {} rating row and no emotionDistribution{}", withoutVotes, clips.size(), condition,
                    votes == Votes.NONE ? " (no processedResults/tabulatedVotes.csv or summaryTable.csv found)" : "");
        }
        return new Manifest(NAME, root, clips, CorpusFiles.emotionClasses(new ArrayList<>(EMOTIONS.values()), clips));
    }

    /** The files of one media folder by stem; a file that is not a CREMA-D name is an error. */
    private static Map<String, Path> media(Path root, String folder, String ext) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        for (Path f : CorpusFiles.list(root.resolve(folder))) {
            if (!CorpusFiles.extension(f).equals(ext)) {
                continue;
            }
            String stem = CorpusFiles.stem(f);
            checkName(f, FILE.matcher(stem));
            out.put(stem, f);
        }
        return out;
    }

    private static void checkName(Path f, Matcher m) {
        if (!m.matches()) {
            throw new ManifestException(f + ": not a CREMA-D file name; expected AAAA_SSS_EEE_LL (actor, sentence, emotion, level),"
                    + " e.g. 1001_DFA_ANG_XX. Move other files out of the folder");
        }
        if (!SENTENCES.containsKey(m.group(2)) || !EMOTIONS.containsKey(m.group(3)) || !LEVELS.containsKey(m.group(4))) {
            throw new ManifestException(f + ": sentence '" + m.group(2) + "', emotion '" + m.group(3) + "' or level '" + m.group(4)
                    + "' is not in the CREMA-D documentation (sentences " + SENTENCES.keySet() + ", emotions " + EMOTIONS.keySet()
                    + ", levels " + LEVELS.keySet() + ")");
        }
    }

    /** The first of {@code names} (relative to root) that exists, or null. */
    private static Path find(Path root, String... names) {
        for (String n : names) {
            Path p = root.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Actor id to metadata, from VideoDemographics.csv; empty when the file is absent. */
    private static Map<String, Map<String, String>> demographics(Path root) throws IOException {
        Path file = find(root, "VideoDemographics.csv", "InfoAndStats/VideoDemographics.csv");
        Map<String, Map<String, String>> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        for (SimpleCsv.Row r : SimpleCsv.read(file, "ActorID", "Age", "Sex", "Race", "Ethnicity").rows()) {
            String sex = r.get("Sex").toLowerCase(Locale.ROOT);
            if (!sex.equals("male") && !sex.equals("female")) {
                throw new ManifestException(file + " line " + r.line() + ": Sex is '" + org.mer4j.api.Excerpt.of(r.get("Sex"))
                        + "'; the file as distributed has Male or Female");
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("gender", sex);
            m.put("age", r.get("Age"));
            m.put("race", r.get("Race"));
            m.put("ethnicity", r.get("Ethnicity"));
            out.put(r.get("ActorID"), m);
        }
        return out;
    }

    /** Vote counts per rating condition and clip. */
    private record Votes(Map<String, Map<String, Map<String, Double>>> byCondition, boolean counts) {
        static final Votes NONE = new Votes(Map.of(), false);

        Map<String, Double> of(String condition, String clip) {
            Map<String, Map<String, Double>> c = byCondition.get(condition);
            return c == null ? null : c.get(clip);
        }
    }

    private static Votes votes(Path root) throws IOException {
        Path tabulated = find(root, "processedResults/tabulatedVotes.csv", "InfoAndStats/processedResults/tabulatedVotes.csv");
        if (tabulated != null) {
            return tabulated(tabulated);
        }
        Path summary = find(root, "processedResults/summaryTable.csv", "InfoAndStats/processedResults/summaryTable.csv");
        return summary == null ? Votes.NONE : summary(summary);
    }

    /** tabulatedVotes.csv: row name 100000 * queryType + clip number; columns A D F H N S hold the counts. */
    private static Votes tabulated(Path file) throws IOException {
        String[] conditions = {null, "voice", "face", "audiovisual"};
        List<String> columns = new ArrayList<>(VOTES.keySet());
        columns.add("fileName");
        columns.add("");
        SimpleCsv csv = SimpleCsv.read(file, columns.toArray(String[]::new));
        Map<String, Map<String, Map<String, Double>>> out = new HashMap<>();
        for (SimpleCsv.Row r : csv.rows()) {
            String name = r.get("fileName");
            if (name.endsWith("_practice")) {
                continue; // the two practice stimuli the raters saw first, not corpus clips
            }
            if (!FILE.matcher(name).matches()) {
                throw new ManifestException(file + " line " + r.line() + ": fileName '" + org.mer4j.api.Excerpt.of(name)
                        + "' is not a CREMA-D clip name (AAAA_SSS_EEE_LL); restore the file as distributed");
            }
            int type;
            try {
                type = (int) (Long.parseLong(r.get("")) / 100000);
            } catch (NumberFormatException e) {
                type = -1;
            }
            if (type < 1 || type > 3) {
                throw new ManifestException(file + " line " + r.line() + ": row name '" + org.mer4j.api.Excerpt.of(r.get(""))
                        + "' does not encode a rating condition (100000 x 1 voice, 2 face, 3 audio-visual + clip number)");
            }
            Map<String, Double> dist = new LinkedHashMap<>();
            for (Map.Entry<String, String> v : VOTES.entrySet()) {
                dist.put(v.getValue(), count(file, r, v.getKey()));
            }
            if (dist.values().stream().mapToDouble(Double::doubleValue).sum() == 0) {
                continue;
            }
            if (out.computeIfAbsent(conditions[type], k -> new HashMap<>()).put(name, dist) != null) {
                throw new ManifestException(file + " line " + r.line() + ": a second " + conditions[type] + " row for " + name
                        + "; restore the file as distributed");
            }
        }
        return new Votes(out, true);
    }

    private static double count(Path file, SimpleCsv.Row r, String column) {
        String s = r.get(column);
        try {
            long v = Long.parseLong(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ManifestException(file + " line " + r.line() + ", column " + column + ": '" + org.mer4j.api.Excerpt.of(s)
                + "' is not a vote count (an integer >= 0)");
    }

    /** summaryTable.csv: majority votes only; each class of a (tied) majority gets one vote. */
    private static Votes summary(Path file) throws IOException {
        Map<String, String> columns = Map.of("voice", "VoiceVote", "face", "FaceVote", "audiovisual", "MultiModalVote");
        SimpleCsv csv = SimpleCsv.read(file, "FileName", "VoiceVote", "FaceVote", "MultiModalVote");
        Map<String, Map<String, Map<String, Double>>> out = new HashMap<>();
        for (SimpleCsv.Row r : csv.rows()) {
            String name = r.get("FileName");
            if (!FILE.matcher(name).matches()) {
                continue;
            }
            for (Map.Entry<String, String> c : columns.entrySet()) {
                Map<String, Double> dist = new LinkedHashMap<>();
                for (String letter : r.get(c.getValue()).split(":")) {
                    String emotion = VOTES.get(letter.strip());
                    if (emotion == null) {
                        throw new ManifestException(file + " line " + r.line() + ", column " + c.getValue() + ": '"
                                + org.mer4j.api.Excerpt.of(r.get(c.getValue())) + "' is not a vote (letters " + VOTES.keySet()
                                + " separated by ':')");
                    }
                    dist.put(emotion, 1.0);
                }
                out.computeIfAbsent(c.getKey(), k -> new HashMap<>()).put(name, dist);
            }
        }
        LOG.info("CREMA-D: soft labels from the majority votes of {} (no tabulatedVotes.csv): each majority class counts once", file);
        return new Votes(out, false);
    }
}
