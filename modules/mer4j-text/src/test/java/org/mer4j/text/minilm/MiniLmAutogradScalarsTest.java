package org.mer4j.text.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.testkit.NumberOverloadScan;

/**
 * The fine-tuned encoder and its fusion block run under autograd: no {@code NDArray} Number overload
 * ({@link org.mer4j.models.Scalars} says why). One such constant, the attention scale, made two runs of
 * the MELD recipe differ when the collector ran at other moments (a fresh feature extraction before
 * training against features read from the cache).
 */
class MiniLmAutogradScalarsTest {

    @Test
    void theEncoderUsesEngineAllocatedScalars() throws Exception {
        int[] classes = {0};
        List<String> found = NumberOverloadScan.calls(MiniLmEncoder.class, "org/mer4j/text/minilm", classes);
        assertTrue(classes[0] >= 5, "scanned too few classes (" + classes[0] + ")");
        assertEquals(List.of(), found, "use org.mer4j.models.Scalars instead of NDArray's Number overloads");
    }
}
