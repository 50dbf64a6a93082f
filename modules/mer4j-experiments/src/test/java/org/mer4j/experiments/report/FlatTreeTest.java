package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatTreeTest {

    @Test
    void dottedPathsNamedListEntriesAndScalarLists() throws Exception {
        var tree = new YAMLMapper().readTree("""
                experiment: x
                train: {epochs: 3, learningRate: 0.001, weightDecay: 1.0E-4}
                tasks: [{type: ah}, {type: emotion, weight: 0.2}]
                rows:
                  - {name: audio only, modalities: [audio], fusion: {type: early-fusion}}
                  - {name: both, modalities: [audio, text]}
                empty: {}
                nothing: null
                """);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("experiment", "x");
        expected.put("train.epochs", "3");
        expected.put("train.learningRate", "0.001");
        expected.put("train.weightDecay", "0.0001");
        expected.put("tasks[0].type", "ah");
        expected.put("tasks[1].type", "emotion");
        expected.put("tasks[1].weight", "0.2");
        expected.put("rows[audio only].name", "audio only");
        expected.put("rows[audio only].modalities", "[audio]");
        expected.put("rows[audio only].fusion.type", "early-fusion");
        expected.put("rows[both].name", "both");
        expected.put("rows[both].modalities", "[audio, text]");
        expected.put("empty", "{}");
        expected.put("nothing", "null");
        assertEquals(expected, FlatTree.of(tree));
    }
}
