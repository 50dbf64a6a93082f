package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.train.EpochRecord;

class TrainingHistoryTest {

    @Test
    void historyCsvRoundTrips(@TempDir Path run) throws Exception {
        Map<String, Double> v1 = new LinkedHashMap<>();
        v1.put("ah_frame_macro_f1", 0.5206194795894008);
        v1.put("ah_frame_ap", Double.NaN);
        v1.put("loss", 2.45664119720459);
        Map<String, Double> v2 = new LinkedHashMap<>(v1);
        v2.put("ah_frame_macro_f1", 0.61);
        v2.put("ah_frame_ap", 0.4);
        TrainingHistory.write(run.resolve(TrainingHistory.FILE),
                List.of(new EpochRecord(1, 2.644798123, v1, 0.16), new EpochRecord(2, 2.3685771, v2, 0.2)));
        List<String> lines = Files.readAllLines(run.resolve(TrainingHistory.FILE));
        assertEquals("epoch,train_loss,val_loss,val_ah_frame_macro_f1,val_ah_frame_ap,seconds", lines.get(0));
        assertEquals("1,2.644798123,2.45664119720459,0.5206194795894008,,0.16", lines.get(1), "NaN is an empty cell");

        TrainingHistory.Curve c = TrainingHistory.read(run).orElseThrow();
        assertEquals("history.csv", c.source());
        assertEquals(2, c.epochs().size());
        assertEquals(2.644798123, c.epochs().get(0).trainLoss());
        assertEquals(0.5206194795894008, c.epochs().get(0).validation().get("ah_frame_macro_f1"));
        assertTrue(!c.epochs().get(0).validation().containsKey("ah_frame_ap"), "the missing value stays missing");
        assertEquals(0.4, c.epochs().get(1).validation().get("ah_frame_ap"));
        assertEquals(List.of("loss", "ah_frame_macro_f1", "ah_frame_ap"), c.validationKeys());
    }

    @Test
    void runsWithoutHistoryFallBackToTheEpochLinesOfTheLog(@TempDir Path run) throws Exception {
        // the format FusionTrainer has written to log.txt since the first release
        Files.writeString(run.resolve("log.txt"), """
                row=audio only fold=0 seed=1371219203 train=78 val=18 test=48 clips; fusion=early-fusion ...
                epoch 1 loss 2.644798 val {ah_frame_macro_f1=0.5206194795894008, ah_frame_ap=0.3505425496427348, loss=2.45664119720459} 0.16s
                resumed after epoch 1 from /x/checkpoint
                epoch 2 loss 2.368577 val {ah_frame_macro_f1=NaN, ah_frame_ap=0.3791566081256669, loss=2.407215118408203} 0.16s
                epoch 3 loss 2.1 val {} 0.10s
                best epoch 1; test {ah_frame_macro_f1=0.5}
                """);
        TrainingHistory.Curve c = TrainingHistory.read(run).orElseThrow();
        assertEquals("log.txt", c.source());
        assertEquals(3, c.epochs().size());
        EpochRecord first = c.epochs().get(0);
        assertEquals(1, first.epoch());
        assertEquals(2.644798, first.trainLoss());
        assertEquals(0.16, first.seconds());
        assertEquals(Map.of("ah_frame_macro_f1", 0.5206194795894008, "ah_frame_ap", 0.3505425496427348, "loss", 2.45664119720459),
                first.validation());
        assertTrue(Double.isNaN(c.epochs().get(1).validation().get("ah_frame_macro_f1")));
        assertTrue(c.epochs().get(2).validation().isEmpty(), "training without validation clips");
    }

    @Test
    void noHistoryAndNoEpochLinesIsNoCurve(@TempDir Path run) throws Exception {
        assertTrue(TrainingHistory.read(run).isEmpty());
        Files.writeString(run.resolve("log.txt"), "row=x fold=0\nbest epoch -1; test {}\n");
        assertTrue(TrainingHistory.read(run).isEmpty());
    }
}
