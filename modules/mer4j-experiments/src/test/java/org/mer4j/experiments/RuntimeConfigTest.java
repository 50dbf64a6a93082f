package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

    @Test
    void theMklBranchDefaultsToCompatibleAndAMismatchSaysHowToLaunch() {
        ExperimentConfig quickstart = ConfigLoader.load(java.nio.file.Path.of("../../configs/quickstart.yaml"), List.of()).config();
        assertEquals("COMPATIBLE", quickstart.runtime().mklCbwr());
        RuntimeConfig avx2 = new RuntimeConfig(" AVX2 ");
        assertEquals("avx2", avx2.mklBranch());
        assertNull(avx2.mismatch("AVX2"));
        String m = avx2.mismatch(null);
        assertTrue(m.contains("MKL_CBWR=null") && m.contains("tools/mer4j run") && m.contains("MKL_CBWR=AVX2"), m);
        assertTrue(RuntimeConfig.defaults().mismatch("AVX2").contains("runtime.mklBranch is compatible"));
    }

    /** What the launcher asks before it starts the JVM of a run: MKL reads MKL_CBWR only once, at start. */
    @Test
    void mklBranchMainReadsTheConfigWithItsOverridesAndIgnoresTheOtherArguments() {
        assertEquals("AVX2", MklBranchMain.branch(List.of("../../configs/meld/text.yaml", "--set", "data.root=/x", "--runs", "r")));
        assertEquals("COMPATIBLE", MklBranchMain.branch(List.of("../../configs/meld/text.yaml", "--master", "local[2]",
                "--set=runtime.mklBranch=compatible", "--set", "data.root=/x")));
        assertEquals("COMPATIBLE", MklBranchMain.branch(List.of("../../configs/quickstart.yaml")));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> MklBranchMain.branch(List.of("../../configs/quickstart.yaml", "--set", "runtime.mklBranch=avx512")));
        assertTrue(e.getMessage().contains("runtime.mklBranch: expected one of [compatible, avx2]"), e.getMessage());
    }
}
