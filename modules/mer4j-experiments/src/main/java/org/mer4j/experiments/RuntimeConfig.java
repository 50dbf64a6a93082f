package org.mer4j.experiments;

import java.util.List;
import java.util.Locale;

/**
 * Process settings an experiment's numbers depend on ({@code runtime:}). Today: which code path
 * Intel MKL, the library PyTorch's CPU matrix products run in, is held to by its conditional
 * numerical reproducibility (the {@code MKL_CBWR} environment variable, which MKL reads once when it
 * starts; so {@code tools/mer4j run} reads this setting before it starts the JVM).
 *
 * @param mklBranch {@code compatible} (default: MKL's SSE2 code path, the same numbers on any x86-64
 *     CPU) or {@code avx2} (its AVX2 path: about twice as fast for encoder-sized matrix products
 *     here, and the same numbers on any CPU with AVX2, which is nearly every x86-64 server since 2013,
 *     but not the same numbers as {@code compatible})
 */
public record RuntimeConfig(String mklBranch) {
    /** The accepted values of {@code mklBranch}. */
    public static final List<String> MKL_BRANCHES = List.of("compatible", "avx2");

    public RuntimeConfig {
        mklBranch = mklBranch == null ? "compatible" : mklBranch.strip().toLowerCase(Locale.ROOT);
        if (!MKL_BRANCHES.contains(mklBranch)) {
            throw new IllegalArgumentException("runtime.mklBranch: expected one of " + MKL_BRANCHES + " (MKL's reproducible code paths),"
                    + " got '" + mklBranch + "'");
        }
    }

    /** The default: MKL's compatible branch. */
    public static RuntimeConfig defaults() {
        return new RuntimeConfig(null);
    }

    /** The value {@code MKL_CBWR} must have for this setting, e.g. {@code COMPATIBLE}. */
    public String mklCbwr() {
        return mklBranch.toUpperCase(Locale.ROOT);
    }

    /**
     * Null when this process's {@code MKL_CBWR} ({@code actual}, null when unset) is the one this
     * setting needs, else what differs and how to launch so that it matches.
     */
    public String mismatch(String actual) {
        if (mklCbwr().equals(actual)) {
            return null;
        }
        return "runtime.mklBranch is " + mklBranch + " but this process runs MKL_CBWR=" + actual + "; its numbers will differ from runs"
                + " made with MKL_CBWR=" + mklCbwr() + " (start it with tools/mer4j run, which sets it from the config, or set MKL_CBWR="
                + mklCbwr() + " yourself)";
    }
}
