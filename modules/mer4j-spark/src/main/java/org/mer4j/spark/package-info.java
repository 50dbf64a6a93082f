/**
 * mer4j on Apache Spark: corpus extraction ({@link org.mer4j.spark.SparkExtraction}) and the run grid
 * ({@link org.mer4j.spark.SparkRunGrid}) as Spark jobs that give the same feature files, run folders
 * and tables as the single-machine runner. Only small serialisable things cross the wire (the resolved
 * config text, clip ids, run indices); every executor rebuilds the extractors and the experiment plan
 * from the config, and reads and writes the feature store and run folders on shared storage.
 * Entry point: {@link org.mer4j.spark.SparkMain} ({@code tools/mer4j spark ...}).
 */
package org.mer4j.spark;
