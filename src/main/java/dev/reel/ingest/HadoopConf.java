package dev.reel.ingest;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * The session's Hadoop configuration, carried to executors: a task that opens an input must see the
 * {@code spark.hadoop.*} settings (S3 credentials, HDFS HA names, file system implementations) that the driver was
 * given, which a {@code new Configuration()} on the executor does not hold. Written with Hadoop's own
 * {@link Configuration#write}, as Spark's internal wrapper does.
 */
public final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;
  private transient Configuration value;

  public HadoopConf(Configuration value) {
    this.value = value;
  }

  /** Hadoop's defaults (core-site.xml on the class path): for tools that read files outside a Spark job. */
  public static HadoopConf defaults() {
    return new HadoopConf(new Configuration());
  }

  public Configuration value() {
    return value;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    value.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    value = new Configuration(false);
    value.readFields(in);
  }
}
