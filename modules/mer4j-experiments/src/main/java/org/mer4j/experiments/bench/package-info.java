/**
 * Benchmark mains of the experiment layer, run by {@code tools/bench/*.sh} through
 * {@code tools/mer4j --class}: extraction alone over a config's manifest
 * ({@link org.mer4j.experiments.bench.ExtractOnly}, used by {@code tools/bench/memory-length.sh}).
 */
package org.mer4j.experiments.bench;
