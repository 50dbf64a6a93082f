package org.mer4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.Scalars;
import org.mer4j.train.tasks.TaskSet;

/**
 * The code that runs while autograd records (the fusion models and heads in {@code org.mer4j.models},
 * the task losses in {@code org.mer4j.train.tasks}; mer4j-text scans its fine-tuned encoder itself) calls no {@code NDArray} method that takes a {@code Number}
 * ({@link NumberOverloadScan}; see {@link Scalars} for why). The optimiser updates in
 * {@code org.mer4j.train.optim} run after backward with recording off and are not checked.
 */
class NoJavaBackedScalarsUnderAutogradTest {

    @Test
    void autogradCodeUsesEngineAllocatedScalars() throws Exception {
        List<String> found = new ArrayList<>();
        int[] classes = {0};
        found.addAll(NumberOverloadScan.calls(FusionBlock.class, "org/mer4j/models", classes));
        found.addAll(NumberOverloadScan.calls(TaskSet.class, "org/mer4j/train/tasks", classes));
        assertTrue(classes[0] > 20, "scanned too few classes (" + classes[0] + ")");
        assertEquals(List.of(), found, "use org.mer4j.models.Scalars instead of NDArray's Number overloads");
    }

    @Test
    void theScannerSeesNumberOverloads() throws Exception {
        Path self = Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Probe.class.getName().replace('.', '/') + ".class");
        assertEquals(List.of("mul(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;"), NumberOverloadScan.numberOverloadCalls(Files.readAllBytes(self)));
    }

    /** A class that makes the call the scan must find. */
    static final class Probe {
        static ai.djl.ndarray.NDArray twice(ai.djl.ndarray.NDArray x) {
            return x.mul(2f);
        }
    }
}
