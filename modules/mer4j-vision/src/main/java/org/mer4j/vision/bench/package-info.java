/** Benchmark entry points run through {@code tools/mer4j --class}, e.g. {@code tools/bench/faces-speed.sh}. */
package org.mer4j.vision.bench;
