package org.mer4j.text.minilm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.Mer4jCache;

/**
 * The word-piece tokenizer of all-MiniLM-L6-v2 (BERT's uncased vocabulary of 30,522 pieces: lower
 * case, accents stripped, punctuation split off), read from the {@code tokenizer.json} inside the
 * model jar and run by DJL's binding of the HuggingFace tokenizers library, whose native library is
 * unpacked into the mer4j cache, never into {@code $HOME}. Special tokens are not added: callers
 * put [CLS] and [SEP] around each sequence. Thread-safe.
 */
public final class MiniLmTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final long cls;
    private final long sep;

    /** The tokenizer of the bytes of a {@code tokenizer.json}. */
    public MiniLmTokenizer(byte[] tokenizerJson) throws IOException {
        Map<String, String> options = new HashMap<>();
        options.put("addSpecialTokens", "false");
        options.put("padding", "false");
        options.put("truncation", "false");
        djlCacheInMer4jCache();
        try (InputStream in = new ByteArrayInputStream(tokenizerJson)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, options);
        }
        long[] special = tokenizer.encode(new String[] {"a"}, true, false).getIds();
        this.cls = special[0];
        this.sep = special[special.length - 1];
    }

    /**
     * DJL unpacks the tokenizer's native library into its engine cache, {@code ~/.djl.ai} unless
     * {@code ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} is set (the launcher and the build set both):
     * when neither is, point it at {@code <mer4j cache>/djl}, as the launcher does.
     */
    private static void djlCacheInMer4jCache() {
        for (String key : new String[] {"ENGINE_CACHE_DIR", "DJL_CACHE_DIR"}) {
            String v = System.getProperty(key, System.getenv(key));
            if (v != null && !v.isBlank()) {
                return;
            }
        }
        System.setProperty("ENGINE_CACHE_DIR", Mer4jCache.root().resolve("djl").toString());
    }

    /** Id of [CLS]. */
    public long cls() {
        return cls;
    }

    /** Id of [SEP]. */
    public long sep() {
        return sep;
    }

    /** The word pieces of {@code words} (ids and, per piece, the index of its word), without special tokens. */
    public Encoding encode(List<String> words) {
        synchronized (tokenizer) {
            return tokenizer.encode(words.toArray(new String[0]), false, false);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
