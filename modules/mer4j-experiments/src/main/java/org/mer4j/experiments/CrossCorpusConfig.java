package org.mer4j.experiments;

import java.util.Map;

/**
 * The test corpus of the cross-corpus protocol ({@code protocol.target}).
 *
 * @param name label of the target corpus, prefixed to its clip and subject ids in every output
 *     ({@code <name>/<id>}) so they never collide with the source's (default {@code target})
 * @param data where the target corpus comes from, as {@code data} of a config (adapter and root, or a manifest)
 * @param emotionMap target emotion class to source class (e.g. {@code {angry: anger}}); target clips whose
 *     class is not a key are left out and counted; null means the classes are the same
 */
public record CrossCorpusConfig(String name, ExperimentConfig.DataConfig data, Map<String, String> emotionMap) {
    public CrossCorpusConfig {
        name = name == null ? "target" : name;
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("protocol.target.name: letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (data == null) {
            throw new IllegalArgumentException("protocol.target.data: give the test corpus, e.g. {adapter: emodb, root: <folder>}");
        }
        emotionMap = emotionMap == null ? null : Map.copyOf(emotionMap);
    }
}
