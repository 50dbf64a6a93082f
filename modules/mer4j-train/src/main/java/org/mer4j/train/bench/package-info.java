/**
 * Benchmark mains run by {@code tools/bench/} scripts: {@link org.mer4j.train.bench.TrainStepBench}
 * times full training steps of fusion models (the training-step comparison with PyTorch,
 * {@code tools/bench/train-step.sh}).
 */
package org.mer4j.train.bench;
