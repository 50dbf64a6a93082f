/** Benchmarks of the text module run from {@code tools/bench}: {@link org.mer4j.text.bench.AsrWer}. */
package org.mer4j.text.bench;
