package dev.reel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.sql.SparkSession;
import dev.reel.KryoClasses;
import dev.reel.ReelException;

/**
 * JVM-wide settings the native engines read at load time, set once before anything loads them: offline mode (no
 * download, ever), DJL's cache under the job's cache folder, and one PyTorch thread per Spark task (Spark's task
 * slots are the parallelism; a fixed thread count also keeps float sums, and so scores, reproducible).
 * Flags given on the command line (-D...) win.
 */
public final class RuntimeSettings {
  private static final Map<String, String> SPARK_SETTINGS = Map.of(
      "spark.serializer", KryoSerializer.class.getName(),
      "spark.kryo.registrator", KryoClasses.class.getName(),
      "spark.kryo.registrationRequired", "false");

  private RuntimeSettings() {}

  public static void apply(String cacheDir) {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("DJL_CACHE_DIR", Path.of(cacheDir, "djl").toString());
    setIfAbsent("ENGINE_CACHE_DIR", Path.of(cacheDir, "djl").toString());
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
  }

  /**
   * The job's one Spark session: on the given master, else spark-submit's, else embedded local Spark. The caller
   * closes it.
   */
  public static SparkSession session(String appName, String master) {
    SparkSession.Builder builder = builder(appName);
    if (master != null) {
      builder.config("spark.master", master);
    } else if (System.getProperty("spark.master") == null) {
      builder.config("spark.master", "local[*]");
    }
    return builder.getOrCreate();
  }

  /**
   * A session builder with the settings the job relies on: Kryo, with every class of ours registered
   * ({@link KryoClasses}). Registration is not required: Spark SQL ships classes of its own (a Parquet read returns
   * schemas) that nobody registers; a test runs the whole job with it required, so a class of ours that was
   * forgotten fails there. A setting given to spark-submit or as a -Dspark... flag wins.
   */
  public static SparkSession.Builder builder(String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    for (Map.Entry<String, String> setting : SPARK_SETTINGS.entrySet()) {
      if (System.getProperty(setting.getKey()) == null) {
        builder.config(setting.getKey(), setting.getValue());
      }
    }
    return builder;
  }

  /** Fails before Spark starts when a local input path (not a glob) does not exist. */
  public static void checkLocalInput(String input) {
    boolean local = !input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || input.startsWith("file:");
    if (local && !input.matches(".*[*?\\[{].*") && !Files.exists(Path.of(input.replaceFirst("^file:", "")))) {
      throw ReelException.inputMissing(input, null);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
