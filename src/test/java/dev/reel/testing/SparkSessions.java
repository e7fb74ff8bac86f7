package dev.reel.testing;

import org.apache.spark.sql.SparkSession;
import dev.reel.cli.RuntimeSettings;

/** One local[2] Spark session shared by the tests of this JVM; recreated if a test's CLI run closed it. */
public final class SparkSessions {
  private static SparkSession session;

  private SparkSessions() {}

  public static synchronized SparkSession shared() {
    if (session == null || session.sparkContext().isStopped()) {
      session = RuntimeSettings.builder("reel-test")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
    }
    return session;
  }
}
