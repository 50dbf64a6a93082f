package org.mer4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Manifest;
import org.mer4j.api.Progress;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.ExperimentRunner;
import org.mer4j.experiments.FeaturePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an executor JVM builds once per job spec and reuses for all the tasks it runs: the configured
 * extractors (loading a face model or a sentence encoder takes seconds; one task per clip must not pay
 * that each time) and the experiment plan (the aligned data every run of the grid trains on). Built on
 * first use from the {@link JobSpec}; in local mode the driver's JVM is the executor.
 */
public final class ExecutorState {
    private static final Logger LOG = LoggerFactory.getLogger("org.mer4j.spark.executor");
    private static final Map<String, Extraction> EXTRACTIONS = new ConcurrentHashMap<>();
    private static final Map<String, ExperimentRunner.Plan> PLANS = new ConcurrentHashMap<>();
    private static final Object TRAINING = new Object();

    private ExecutorState() {
    }

    /**
     * The extraction side of an experiment on this JVM: its manifest and its extractors, shared by the
     * tasks (extractors are thread-safe: the single-machine runner shares them between its threads).
     */
    record Extraction(ConfigLoader.Resolved resolved, Manifest manifest, List<FeatureExtractor> extractors) {
    }

    static Consumer<String> log() {
        return LOG::info;
    }

    static Extraction extraction(JobSpec spec) {
        return EXTRACTIONS.computeIfAbsent(spec.key(), k -> {
            ConfigLoader.Resolved resolved = spec.resolve();
            Manifest manifest;
            try {
                manifest = FeaturePipeline.manifest(resolved.config(), spec.project(), spec.runs().resolve(resolved.config().experiment()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the data of " + spec.configSource() + " on this executor: " + e.getMessage()
                        + "; every node must see the data at the same path (shared storage)", e);
            }
            List<FeatureExtractor> extractors = FeaturePipeline.extractors(resolved.config(), resolved.plugins().extractors());
            return new Extraction(resolved, manifest, extractors);
        });
    }

    /** The experiment's plan on this JVM, made like the driver's (from the same config, code and data). */
    static ExperimentRunner.Plan plan(JobSpec spec) {
        return PLANS.computeIfAbsent(spec.key(), k -> {
            try {
                return runner(spec).plan(spec.resolve());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plan " + spec.configSource() + " on this executor: " + e.getMessage(), e);
            }
        });
    }

    /** An experiment runner logging to this executor's log. */
    static ExperimentRunner runner(JobSpec spec) {
        Consumer<String> log = log();
        return new ExperimentRunner(spec.project(), spec.runs(), log, Progress.lines(log, 30));
    }

    /**
     * Registers the driver's own plan, so that tasks running in the driver's JVM (local mode) use it
     * instead of planning again. Other JVMs plan for themselves.
     */
    static void offer(JobSpec spec, ExperimentRunner.Plan plan) {
        PLANS.putIfAbsent(spec.key(), plan);
    }

    /**
     * The lock a training run holds on this JVM. PyTorch's random generator is one per process
     * ({@code Engine.setRandomSeed} seeds it before initialisation and every epoch), so two runs
     * training at once in one JVM would draw from each other's stream and no longer reproduce the
     * sequential results; runs train in parallel across executor JVMs, one at a time within one.
     */
    static Object trainingLock() {
        return TRAINING;
    }

    /** Closes this JVM's extractors of the spec and forgets its plan (the driver calls it when its jobs are done). */
    public static void release(JobSpec spec) {
        Extraction e = EXTRACTIONS.remove(spec.key());
        if (e != null) {
            e.extractors().forEach(FeatureExtractor::close);
        }
        PLANS.remove(spec.key());
    }

    /** A path for messages: which host this executor runs on. */
    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "(unknown host)";
        }
    }
}
