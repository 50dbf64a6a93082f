package org.mer4j.text.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.FeatureTrack;

/**
 * A fold-level vocabulary of {@link WordIds}: fitted on the training split only, so validation and
 * test words unseen in training become UNK, as they would at deployment. Row 0 is PAD (no word),
 * row 1 is UNK, rows 2.. are the kept ids by decreasing count (ties by id), those with
 * {@code count >= minCount}, at most {@code maxSize} rows in all (PAD and UNK included).
 * Counts are word occurrences: in an id track a run of consecutive steps with the same id is one
 * occurrence; in an id array each entry is one. Serialised as JSON with the ids and their counts.
 */
public final class TokenVocabulary {
    /** Row of padding / no word. */
    public static final int PAD = 0;
    /** Row of unknown words. */
    public static final int UNK = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "mer4j-token-vocabulary";
    private final int[] ids;
    private final int[] counts;
    private final int minCount;
    private final int maxSize;
    private final Map<Integer, Integer> index = new HashMap<>();

    private TokenVocabulary(int[] ids, int[] counts, int minCount, int maxSize) {
        this.ids = ids;
        this.counts = counts;
        this.minCount = minCount;
        this.maxSize = maxSize;
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i + 2);
        }
    }

    /** Fits on {@code word-ids} tracks (masked steps ignored, runs counted once). */
    public static TokenVocabulary fitTracks(List<FeatureTrack> tracks, int minCount, int maxSize) {
        List<int[]> seqs = new ArrayList<>();
        for (FeatureTrack t : tracks) {
            if (t.dim() != 1) {
                throw new IllegalArgumentException("track " + t.name() + " has " + t.dim() + " columns; a word-ids track has 1");
            }
            List<Integer> occ = new ArrayList<>();
            int prev = WordIds.NONE;
            for (int k = 0; k < t.length(); k++) {
                int id = t.mask()[k] ? (int) t.get(k, 0) : WordIds.NONE;
                if (id != WordIds.NONE && id != prev) {
                    occ.add(id);
                }
                prev = id;
            }
            seqs.add(occ.stream().mapToInt(Integer::intValue).toArray());
        }
        return fit(seqs, minCount, maxSize);
    }

    /** Fits on word-level id arrays (each entry one occurrence; 0 ignored). */
    public static TokenVocabulary fit(List<int[]> idArrays, int minCount, int maxSize) {
        if (minCount < 1) {
            throw new IllegalArgumentException("vocabulary minCount must be >= 1, got " + minCount);
        }
        if (maxSize < 2) {
            throw new IllegalArgumentException("vocabulary maxSize must be >= 2 (PAD and UNK), got " + maxSize);
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int[] a : idArrays) {
            for (int id : a) {
                if (id != WordIds.NONE) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<Integer, Integer>> kept = new ArrayList<>();
        for (var e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey()) : Integer.compare(b.getValue(), a.getValue()));
        int n = Math.min(kept.size(), maxSize - 2);
        int[] ids = new int[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = kept.get(i).getKey();
            c[i] = kept.get(i).getValue();
        }
        return new TokenVocabulary(ids, c, minCount, maxSize);
    }

    /** The embedding row of an id: PAD for 0, UNK for unknown ids. */
    public int index(int id) {
        if (id == WordIds.NONE) {
            return PAD;
        }
        return index.getOrDefault(id, UNK);
    }

    /** Rows of each step of a word-ids track (masked steps PAD). */
    public int[] indices(FeatureTrack track) {
        int[] out = new int[track.length()];
        for (int k = 0; k < out.length; k++) {
            out[k] = track.mask()[k] ? index((int) track.get(k, 0)) : PAD;
        }
        return out;
    }

    /** Number of embedding rows (PAD and UNK included). */
    public int size() {
        return ids.length + 2;
    }

    /** The training count of a known id, 0 otherwise. */
    public int count(int id) {
        Integer i = index.get(id);
        return i == null ? 0 : counts[i - 2];
    }

    /** JSON form. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT).put("version", 1).put("minCount", minCount).put("maxSize", maxSize).put("pad", PAD).put("unk", UNK);
        var a = o.putArray("ids");
        for (int id : ids) {
            a.add(id);
        }
        var c = o.putArray("counts");
        for (int n : counts) {
            c.add(n);
        }
        return o.toString();
    }

    /** Parses {@link #toJson()}. */
    public static TokenVocabulary fromJson(String json) throws IOException {
        JsonNode o = JSON.readTree(json);
        if (o == null || !FORMAT.equals(o.path("format").asText()) || o.path("version").asInt() != 1) {
            throw new IOException("not a mer4j token vocabulary (format '" + FORMAT + "', version 1)");
        }
        JsonNode idsNode = o.path("ids");
        JsonNode countsNode = o.path("counts");
        if (!idsNode.isArray() || !countsNode.isArray() || idsNode.size() != countsNode.size()) {
            throw new IOException("token vocabulary: 'ids' and 'counts' must be arrays of equal length");
        }
        int[] ids = new int[idsNode.size()];
        int[] counts = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idsNode.get(i).asInt();
            counts[i] = countsNode.get(i).asInt();
        }
        return new TokenVocabulary(ids, counts, o.path("minCount").asInt(1), o.path("maxSize").asInt(ids.length + 2));
    }

    /** Writes the JSON atomically. */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** Reads a saved vocabulary. */
    public static TokenVocabulary load(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }
}
