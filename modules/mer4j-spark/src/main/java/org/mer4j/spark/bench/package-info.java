/** Benchmarks of the Spark jobs against the single-machine runner ({@code tools/bench/spark-scale.sh}). */
package org.mer4j.spark.bench;
