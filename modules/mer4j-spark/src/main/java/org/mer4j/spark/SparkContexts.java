package org.mer4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context mer4j's jobs run in: no web UI, Spark's scratch files ({@code spark.local.dir})
 * in an explicit folder, and in local mode the driver bound to the loopback address. Settings given to
 * {@code spark-submit} ({@code --conf}, {@code --master}) win over these defaults, except that an
 * explicit {@code --master} of the mer4j command wins over all.
 */
public final class SparkContexts {
    /** The master when neither the command nor spark-submit names one: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkContexts() {
    }

    /**
     * @param master e.g. {@code local[2]}, {@code spark://host:7077}, {@code yarn}; null for spark-submit's or {@link #DEFAULT_MASTER}
     * @param appName the application's name in the cluster manager
     * @param localDir Spark's scratch folder on this machine (created)
     */
    public static JavaSparkContext create(String master, String appName, Path localDir) throws IOException {
        SparkConf conf = new SparkConf(true);
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setAppName(conf.get("spark.app.name", appName));
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        Files.createDirectories(localDir);
        conf.setIfMissing("spark.local.dir", localDir.toAbsolutePath().toString());
        if (conf.get("spark.master").startsWith("local")) {
            // one JVM: nothing to reach over the network, and no dependence on how this host's name resolves
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return new JavaSparkContext(conf);
    }
}
