package org.mer4j.text.torchscript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.text.VerbalMarkers;

/**
 * A whitespace-token vocabulary for a bring-your-own encoder: one token per line, the line number
 * (from 0) is the token id. Words are looked up normalised ({@link VerbalMarkers#normalize}); the
 * file must contain an unknown token ({@code [UNK]}, {@code <unk>} or {@code UNK}) used for words it
 * lacks. No WordPiece or BPE splitting.
 */
public final class SimpleVocab {
    private static final List<String> UNK_TOKENS = List.of("[UNK]", "<unk>", "UNK");
    private final Map<String, Integer> ids;
    private final int unk;

    private SimpleVocab(Map<String, Integer> ids, int unk) {
        this.ids = ids;
        this.unk = unk;
    }

    /** Reads a vocabulary file; fails naming the file when it is missing or has no unknown token. */
    public static SimpleVocab load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("text-torchscript.vocabPath " + file.toAbsolutePath() + " does not exist; give the one-token-per-line"
                    + " vocabulary the model was trained with");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (!t.isEmpty()) {
                ids.putIfAbsent(t, i);
            }
        }
        for (String u : UNK_TOKENS) {
            if (ids.containsKey(u)) {
                return new SimpleVocab(ids, ids.get(u));
            }
        }
        throw new IOException(file + ": no unknown-word token; expected a line " + UNK_TOKENS + "; add one (its line number becomes the UNK id)");
    }

    /** Token ids of raw words (unknown words get the UNK id). */
    public long[] encode(List<String> rawWords) {
        long[] out = new long[rawWords.size()];
        for (int i = 0; i < out.length; i++) {
            String w = VerbalMarkers.normalize(rawWords.get(i));
            out[i] = ids.getOrDefault(w, unk);
        }
        return out;
    }

    /** The UNK id. */
    public int unk() {
        return unk;
    }

    /** Number of distinct tokens. */
    public int size() {
        return ids.size();
    }
}
