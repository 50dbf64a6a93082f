package org.mer4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OptimizerSettingsTest {
    private static void failsNaming(String key, Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct, key);
        assertTrue(e.getMessage().startsWith(key + " "), "message names " + key + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("use") || e.getMessage().contains("one of"), "message says what to use: " + e.getMessage());
    }

    private static OptimizerSettings settings(String optimizer, double lr, double wd, double momentum, double beta1, double beta2,
                                              double epsilon, double clip) {
        return new OptimizerSettings(optimizer, lr, wd, momentum, beta1, beta2, epsilon, null, clip);
    }

    @Test
    void absentValuesTakeTheDefaults() {
        OptimizerSettings d = new OptimizerSettings(null, 0, 0, null, 0, 0, 0, null, 0);
        assertEquals(new OptimizerSettings("adam", 1e-3, 0, 0.9, 0.9, 0.999, 1e-8, ScheduleConfig.constant(), 0), d);
        assertEquals(d, OptimizerSettings.defaults());
        assertEquals(new ScheduleConfig("constant", 0, 10, 0.1, 0), new ScheduleConfig(null, 0, 0, 0, 0));
        assertEquals("adamw", OptimizerSettings.of(" AdamW", 0, 0, 0, null, 0).optimizer(), "names are case-insensitive");
        assertEquals("cosine", new ScheduleConfig("Cosine", 0, 0, 0, 0).type());
    }

    @Test
    void errorsNameTheKey() {
        failsNaming("train.optimizer", () -> OptimizerSettings.of("adagrad", 1e-3, 0, 0.9, null, 0));
        failsNaming("train.learningRate", () -> OptimizerSettings.of("adam", 2, 0, 0.9, null, 0));
        failsNaming("train.learningRate", () -> OptimizerSettings.of("adam", -1e-3, 0, 0.9, null, 0));
        failsNaming("train.learningRate", () -> OptimizerSettings.of("adam", Double.NaN, 0, 0.9, null, 0));
        failsNaming("train.weightDecay", () -> OptimizerSettings.of("adam", 1e-3, 1, 0.9, null, 0));
        failsNaming("train.weightDecay", () -> OptimizerSettings.of("adam", 1e-3, -0.1, 0.9, null, 0));
        failsNaming("train.momentum", () -> OptimizerSettings.of("sgd", 1e-3, 0, 1, null, 0));
        failsNaming("train.momentum", () -> OptimizerSettings.of("sgd", 1e-3, 0, -0.5, null, 0));
        failsNaming("train.beta1", () -> settings("adam", 1e-3, 0, 0.9, 1, 0.999, 1e-8, 0));
        failsNaming("train.beta2", () -> settings("adam", 1e-3, 0, 0.9, 0.9, -0.1, 1e-8, 0));
        failsNaming("train.epsilon", () -> settings("adam", 1e-3, 0, 0.9, 0.9, 0.999, -1e-8, 0));
        failsNaming("train.clipGradNorm", () -> OptimizerSettings.of("adam", 1e-3, 0, 0.9, null, -1));
        failsNaming("train.clipGradNorm", () -> OptimizerSettings.of("adam", 1e-3, 0, 0.9, null, Double.POSITIVE_INFINITY));
        failsNaming("train.schedule.type", () -> new ScheduleConfig("linear", 0, 0, 0, 0));
        failsNaming("train.schedule.warmupEpochs", () -> new ScheduleConfig("cosine", -1, 0, 0, 0));
        failsNaming("train.schedule.stepEpochs", () -> new ScheduleConfig("step", 0, -2, 0, 0));
        failsNaming("train.schedule.gamma", () -> new ScheduleConfig("step", 0, 1, 1.5, 0));
        failsNaming("train.schedule.gamma", () -> new ScheduleConfig("step", 0, 1, -0.1, 0));
        failsNaming("train.schedule.minLearningRate", () -> new ScheduleConfig("cosine", 0, 0, 0, -1e-4));
        failsNaming("train.schedule.minLearningRate",
                () -> OptimizerSettings.of("adam", 1e-3, 0, 0.9, new ScheduleConfig("cosine", 0, 0, 0, 1e-3), 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of("adagrad", 0, 0, 0, null, 0));
        assertTrue(e.getMessage().contains("adam, adamw, sgd"), "lists the known names: " + e.getMessage());
    }

    @Test
    void jacksonMapsPartialConfigsOntoTheRecordsAndBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        OptimizerSettings s = json.readValue("{\"optimizer\": \"adamw\", \"weightDecay\": 0.01, "
                + "\"schedule\": {\"type\": \"cosine\", \"warmupEpochs\": 2}}", OptimizerSettings.class);
        assertEquals(new OptimizerSettings("adamw", 1e-3, 0.01, 0.9, 0.9, 0.999, 1e-8, new ScheduleConfig("cosine", 2, 10, 0.1, 0), 0), s);
        assertEquals(s, json.readValue(json.writeValueAsString(s), OptimizerSettings.class), "the resolved config reads back");
        Exception bad = assertThrows(Exception.class, () -> json.readValue("{\"schedule\": {\"gamma\": 3}}", OptimizerSettings.class));
        Throwable cause = bad;
        while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(IllegalArgumentException.class, cause);
        assertTrue(cause.getMessage().startsWith("train.schedule.gamma"), cause.getMessage());
    }

    @Test
    void momentumZeroIsPlainSgdNotTheDefault() throws Exception {
        assertEquals(0.0, OptimizerSettings.of("sgd", 0.1, 0, 0, null, 0).momentum());
        ObjectMapper json = new ObjectMapper();
        assertEquals(0.0, json.readValue("{\"optimizer\": \"sgd\", \"momentum\": 0}", OptimizerSettings.class).momentum());
        assertEquals(0.9, json.readValue("{\"optimizer\": \"sgd\"}", OptimizerSettings.class).momentum(), "absent: the default");
    }

    @Test
    void theFactoryBuildsTheNamedRule() {
        assertInstanceOf(Adam.class, Optimizers.create(OptimizerSettings.of("adam", 0, 0, 0, null, 0), 3, 2));
        assertEquals("adamw", Optimizers.create(OptimizerSettings.of("adamw", 0, 0, 0, null, 0), 3, 2).name());
        StatefulOptimizer sgd = Optimizers.create(OptimizerSettings.of("sgd", 0.05, 0, 0, new ScheduleConfig("cosine", 1, 0, 0, 0), 0), 3, 2);
        assertInstanceOf(Sgd.class, sgd);
        assertEquals("sgd", sgd.name());
        assertEquals(0, sgd.stepCount());
        assertEquals(0.05 / 3, sgd.nextLearningRate(), 1e-15);
        assertEquals(6, sgd.schedule().totalUpdates());
    }
}
