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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;
import org.mer4j.text.transcripts.WordSpreader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IEMOCAP (Busso, Bulut, Lee, Kazemzadeh, Mower, Kim, Chang, Lee and Narayanan, "IEMOCAP: Interactive
 * emotional dyadic motion capture database", Language Resources and Evaluation 42(4), 2008) as
 * distributed ({@code IEMOCAP_full_release/}): {@code Session1..5/sentences/wav/<dialog>/<utt>.wav},
 * the evaluations {@code Session*}{@code /dialog/EmoEvaluation/<dialog>.txt} (one block per utterance:
 * {@code [start - end]\t<utt>\t<code>\t[V, A, D]}, then the evaluators' {@code C-E1:\tAnger;\t()}
 * category lines and {@code A-..} attribute lines), the transcripts
 * {@code Session*}{@code /dialog/transcriptions/<dialog>.txt} ({@code <utt> [start-end]: text}) and the
 * forced alignments {@code Session*}{@code /sentences/ForcedAlignment/<dialog>/<utt>.wdseg}
 * (Sphinx word segments: {@code SFrm EFrm SegAScr Word}, frames of 10 ms).
 *
 * <p>Clip = utterance, id = utterance id, audio = its wav, {@code duration} = end - start.
 * Subject = the <em>speaker</em>: session + the letter that starts the utterance's last field
 * ({@code Ses01F_impro01_M013} is the male actor of session 1, {@code Ses01M}), not the letter of the
 * dialog name (who led the dialog). {@code dimensions}: {@code valence}, {@code arousal} (IEMOCAP's
 * "activation"), {@code dominance}, the evaluators' mean on IEMOCAP's 1..5 scale as written.
 * {@code emotion}: the consensus code; {@code emotionDistribution}: the categories of the evaluators'
 * {@code C-} lines, one vote per category an evaluator named (self-evaluations included as written).
 * Option {@code classes}: {@code 4} (default, the common 4-class benchmark: neu, hap + exc merged as
 * happy, ang, sad; utterances of any other code, xxx included, are left out, and the distribution
 * keeps only votes of those four, excited counted as happy) or {@code all} (the ten categories neutral,
 * happy, angry, sad, excited, frustrated, fear, surprise, disgust, other; xxx, no majority, gives a
 * clip without {@code emotion} that still carries its dimensions). Option {@code type}:
 * {@code both} (default), {@code improvised}, {@code scripted}. Option {@code words}: {@code aligned}
 * (default; word times from the .wdseg file, else the transcript's words spread over the utterance),
 * {@code spread}, or {@code none} (no transcripts). The word CSVs are written to
 * {@code <workDir>/transcripts/}, so the manifest allows that one folder outside the corpus root
 * ({@code allowOutsideRoot}). Metadata {@code session}, {@code gender}, {@code dialog},
 * {@code type} (improvised/scripted), {@code text}. The video ({@code dialog/avi}) holds whole
 * dialogues with both actors and is not cut per utterance here. The usual five-fold
 * leave-one-session-out protocol needs folds by {@code metadata.session}.
 */
public final class IemocapAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "iemocap";

    private static final Logger LOG = LoggerFactory.getLogger(IemocapAdapter.class);
    private static final Pattern HEADER = Pattern.compile(
            "\\[\\s*(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)\\s*\\]\\s+(\\S+)\\s+(\\S+)\\s+"
                    + "\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\]\\s*");
    private static final Pattern UTTERANCE = Pattern.compile("(Ses(\\d\\d)[FM]_(impro|script)[0-9a-z_]*)_([FM])(\\w+)");
    private static final Pattern CATEGORY_LINE = Pattern.compile("C-([^:\\s]+):\\s*(.*?)\\s*(\\(.*\\))?\\s*");
    private static final Pattern TRANSCRIPT = Pattern.compile("(\\S+)\\s+\\[\\s*(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)\\s*\\]:\\s?(.*)");
    private static final Pattern WDSEG = Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s+(-?\\d+)\\s+(\\S+)\\s*");
    private static final Pattern SESSION = Pattern.compile("Session([1-9])");

    /** Consensus codes to the class names of {@code classes: all}, in documented order (xxx has none). */
    static final Map<String, String> CODES = new LinkedHashMap<>();
    static final List<String> FOUR = List.of("neutral", "happy", "angry", "sad");

    static {
        String[][] c = {{"neu", "neutral"}, {"hap", "happy"}, {"ang", "angry"}, {"sad", "sad"}, {"exc", "excited"},
            {"fru", "frustrated"}, {"fea", "fear"}, {"sur", "surprise"}, {"dis", "disgust"}, {"oth", "other"}};
        for (String[] x : c) {
            CODES.put(x[0], x[1]);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "IEMOCAP_full_release with Session1..Session5/sentences/wav/<dialog>/<utt>.wav and"
                + " Session*/dialog/EmoEvaluation/<dialog>.txt";
    }

    @Override
    public Manifest load(Path root, Path workDir) throws IOException {
        return load(root, workDir, Map.of());
    }

    @Override
    public Manifest load(Path corpus, Path workDir, Map<String, String> options) throws IOException {
        AdapterOptions o = AdapterOptions.of(NAME, options, "classes", "type", "words");
        boolean four = o.choice("classes", "4", List.of("4", "all")).equals("4");
        String type = o.choice("type", "both", List.of("both", "improvised", "scripted"));
        String words = o.choice("words", "aligned", List.of("aligned", "spread", "none"));
        Path root = CorpusFiles.folder(corpus, expectedLayout());
        List<Path> sessions = new ArrayList<>();
        for (Path d : CorpusFiles.folders(root)) {
            if (SESSION.matcher(d.getFileName().toString()).matches()) {
                sessions.add(d);
            }
        }
        if (sessions.isEmpty()) {
            throw new ManifestException("data.root " + root + ": no Session1..Session5 folders; give " + expectedLayout());
        }
        Path transcripts = workDir.toAbsolutePath().normalize().resolve("transcripts");
        Stats stats = new Stats();
        List<Clip> clips = new ArrayList<>();
        for (Path session : sessions) {
            String number = SESSION.matcher(session.getFileName().toString()).replaceAll("$1");
            List<Path> evaluations = new ArrayList<>();
            for (Path f : CorpusFiles.list(session.resolve("dialog").resolve("EmoEvaluation"))) {
                if (f.getFileName().toString().startsWith("Ses") && CorpusFiles.extension(f).equals("txt")) {
                    evaluations.add(f);
                }
            }
            if (evaluations.isEmpty()) {
                throw new ManifestException(session + ": no dialog/EmoEvaluation/Ses*.txt; restore the session folder as distributed");
            }
            for (Path eval : evaluations) {
                String dialog = CorpusFiles.stem(eval);
                boolean improvised = dialog.contains("_impro");
                if (type.equals("improvised") && !improvised || type.equals("scripted") && improvised) {
                    continue;
                }
                Map<String, String> texts = words.equals("none") ? Map.of() : transcripts(session, dialog, stats);
                for (Utterance u : evaluation(eval, number, dialog)) {
                    Clip c = clip(root, session, number, dialog, u, four, words, texts, transcripts, stats);
                    if (c != null) {
                        clips.add(c);
                    }
                }
            }
        }
        stats.log(clips.size());
        if (clips.isEmpty()) {
            throw new ManifestException("data.root " + root + ": no IEMOCAP utterance with a wav and a label for classes " + (four ? "4" : "all")
                    + " and type " + type + "; give " + expectedLayout());
        }
        boolean outside = clips.stream().anyMatch(c -> c.transcript() != null) && !transcripts.startsWith(root);
        List<String> order = four ? FOUR : new ArrayList<>(CODES.values());
        return new Manifest(NAME, root, clips, CorpusFiles.emotionClasses(order, clips), outside);
    }

    /** One evaluated utterance. */
    private record Utterance(String id, double start, double end, String code, double v, double a, double d,
                             List<String> categories, Path file, int line) {
    }

    /** The utterances of one EmoEvaluation file, with their evaluators' categories. */
    private static List<Utterance> evaluation(Path file, String session, String dialog) throws IOException {
        List<String> lines = CorpusFiles.lines(file);
        List<Utterance> out = new ArrayList<>();
        Utterance cur = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("[")) {
                Matcher m = HEADER.matcher(line);
                if (!m.matches()) {
                    throw new ManifestException(file + " line " + (i + 1) + ": expected '[start - end]<TAB>utterance<TAB>code<TAB>[V, A, D]',"
                            + " got " + org.mer4j.api.Excerpt.quote(line) + "; restore the file as distributed");
                }
                String id = m.group(3);
                Matcher u = UTTERANCE.matcher(id);
                if (!u.matches() || !u.group(1).equals(dialog) || !u.group(2).equals(String.format("%02d", Integer.parseInt(session)))) {
                    throw new ManifestException(file + " line " + (i + 1) + ": utterance id " + org.mer4j.api.Excerpt.quote(id)
                            + " is not an utterance of dialog " + dialog + " in Session" + session + " (expected " + dialog + "_F000 or "
                            + dialog + "_M000 style ids)");
                }
                String code = m.group(4);
                if (!code.equals("xxx") && !CODES.containsKey(code)) {
                    throw new ManifestException(file + " line " + (i + 1) + ": emotion code '" + org.mer4j.api.Excerpt.of(code)
                            + "' is not one of IEMOCAP's " + CODES.keySet() + " or xxx");
                }
                double start = Double.parseDouble(m.group(1));
                double end = Double.parseDouble(m.group(2));
                if (!(end > start)) {
                    throw new ManifestException(file + " line " + (i + 1) + ": utterance " + id + " ends (" + end + " s) before it starts ("
                            + start + " s)");
                }
                cur = new Utterance(id, start, end, code, Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                        Double.parseDouble(m.group(7)), new ArrayList<>(), file, i + 1);
                out.add(cur);
            } else if (line.startsWith("C-") && cur != null) {
                Matcher m = CATEGORY_LINE.matcher(line);
                if (m.matches()) {
                    for (String cat : m.group(2).split(";")) {
                        if (!cat.isBlank()) {
                            cur.categories().add(cat.strip());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** An evaluator's category word ("Anger", "Neutral state", "Other:nervous") to a class of {@code classes: all}, or null. */
    static String category(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String[][] prefixes = {{"neutral", "neutral"}, {"happ", "happy"}, {"ang", "angry"}, {"sad", "sad"}, {"excite", "excited"},
            {"frustrat", "frustrated"}, {"fear", "fear"}, {"surprise", "surprise"}, {"disgust", "disgust"}, {"other", "other"}};
        for (String[] p : prefixes) {
            if (w.startsWith(p[0])) {
                return p[1];
            }
        }
        return null;
    }

    private static Clip clip(Path root, Path session, String number, String dialog, Utterance u, boolean four, String words,
                             Map<String, String> texts, Path transcripts, Stats stats) throws IOException {
        String emotion = u.code().equals("xxx") ? null : CODES.get(u.code());
        if (four) {
            emotion = emotion == null ? null : switch (emotion) {
                case "excited" -> "happy";
                case "neutral", "happy", "angry", "sad" -> emotion;
                default -> null;
            };
            if (emotion == null) {
                stats.outsideFour++;
                return null;
            }
        }
        Path wav = session.resolve("sentences").resolve("wav").resolve(dialog).resolve(u.id() + ".wav");
        if (!Files.isRegularFile(wav)) {
            stats.missingWav++;
            if (stats.firstMissing == null) {
                stats.firstMissing = wav;
            }
            return null;
        }
        Map<String, Double> dist = new LinkedHashMap<>();
        for (String word : u.categories()) {
            String cls = category(word);
            if (cls == null) {
                stats.unknownCategories.merge(word, 1, Integer::sum);
                continue;
            }
            if (four) {
                cls = cls.equals("excited") ? "happy" : cls;
                if (!FOUR.contains(cls)) {
                    continue;
                }
            }
            dist.merge(cls, 1.0, Double::sum);
        }
        Map<String, Double> dims = new LinkedHashMap<>();
        dims.put("valence", u.v());
        dims.put("arousal", u.a());
        dims.put("dominance", u.d());
        Matcher id = UTTERANCE.matcher(u.id());
        id.matches();
        String speaker = id.group(4);
        double duration = u.end() - u.start();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("session", number);
        meta.put("gender", speaker.equals("F") ? "female" : "male");
        meta.put("dialog", dialog);
        meta.put("type", id.group(3).equals("impro") ? "improvised" : "scripted");
        String text = texts.get(u.id());
        if (text != null) {
            meta.put("text", text);
        }
        String transcript = null;
        if (!words.equals("none")) {
            List<TimedWord> timed = null;
            if (words.equals("aligned")) {
                timed = aligned(session.resolve("sentences").resolve("ForcedAlignment").resolve(dialog).resolve(u.id() + ".wdseg"));
                timed = timed == null || timed.isEmpty() ? null : timed;
            }
            if (timed == null && text != null) {
                timed = WordSpreader.spread(text, 0, duration).stream()
                        .map(w -> new TimedWord(w.word().replace(';', ','), w.start(), w.end())).toList();
                stats.spread++;
            } else if (timed != null) {
                stats.aligned++;
            }
            if (timed != null && !timed.isEmpty()) {
                Path file = transcripts.resolve(u.id() + ".words.csv");
                WordTranscripts.write(file, timed);
                transcript = root.relativize(file).toString().replace('\\', '/');
            } else {
                stats.noWords++;
            }
        }
        ClipLabels labels = new ClipLabels(emotion, dist.isEmpty() ? null : dist, List.of(), null, null, null, dims, null);
        return new Clip(u.id(), "Ses" + String.format("%02d", Integer.parseInt(number)) + speaker, null,
                CorpusFiles.relative(root, wav), transcript, labels, null, meta, duration);
    }

    /** Utterance id to text, from the dialog's transcription file; empty (and counted) when the file is missing. */
    private static Map<String, String> transcripts(Path session, String dialog, Stats stats) throws IOException {
        Path file = session.resolve("dialog").resolve("transcriptions").resolve(dialog + ".txt");
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            stats.missingTranscripts++;
            return out;
        }
        for (String line : CorpusFiles.lines(file)) {
            Matcher m = TRANSCRIPT.matcher(line.strip());
            if (m.matches() && !m.group(4).isBlank()) {
                out.put(m.group(1), m.group(4).strip());
            }
        }
        return out;
    }

    /**
     * Words of a Sphinx {@code .wdseg} alignment (frames of 10 ms, end frame inclusive), without
     * silence and sentence markers ({@code <s>}, {@code <sil>}), noise tokens ({@code ++LAUGHTER++})
     * and pronunciation variants ({@code WORD(2)} is {@code word}); null when there is no file.
     */
    static List<TimedWord> aligned(Path wdseg) throws IOException {
        if (!Files.isRegularFile(wdseg)) {
            return null;
        }
        List<TimedWord> out = new ArrayList<>();
        List<String> lines = CorpusFiles.lines(wdseg);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = WDSEG.matcher(lines.get(i));
            if (!m.matches()) {
                continue; // the header line and the closing "Total score" line
            }
            String token = m.group(4);
            if (token.startsWith("<") || token.startsWith("+") || token.startsWith("[")) {
                continue;
            }
            String word = token.replaceAll("\\(\\d+\\)$", "").toLowerCase(Locale.ROOT).replace(';', ',');
            double start = Integer.parseInt(m.group(1)) * 0.01;
            double end = (Integer.parseInt(m.group(2)) + 1) * 0.01;
            if (end < start) {
                throw new ManifestException(wdseg + " line " + (i + 1) + ": end frame " + m.group(2) + " before start frame " + m.group(1)
                        + "; restore the file as distributed");
            }
            out.add(new TimedWord(word, start, end));
        }
        return out;
    }

    /** What was left out or derived, for one summary log line. */
    private static final class Stats {
        int outsideFour;
        int missingWav;
        Path firstMissing;
        int missingTranscripts;
        int aligned;
        int spread;
        int noWords;
        final Map<String, Integer> unknownCategories = new java.util.TreeMap<>();

        void log(int kept) {
            LOG.info("IEMOCAP: {} utterances kept; {} outside the 4 classes left out; words: {} from .wdseg alignments, {} spread over"
                    + " the utterance, {} without words", kept, outsideFour, aligned, spread, noWords);
            if (missingWav > 0) {
                LOG.warn("IEMOCAP: {} evaluated utterances have no wav and were left out (first: {})", missingWav, firstMissing);
            }
            if (missingTranscripts > 0) {
                LOG.warn("IEMOCAP: {} dialogs have no dialog/transcriptions/<dialog>.txt", missingTranscripts);
            }
            if (!unknownCategories.isEmpty()) {
                LOG.warn("IEMOCAP: evaluator categories not counted in emotionDistribution: {}", unknownCategories);
            }
        }
    }
}
