package dev.reel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import dev.reel.cli.ReelCommand;
import dev.reel.cli.RuntimeSettings;
import dev.reel.gather.BoundedTopK;
import dev.reel.score.Candidate;
import dev.reel.tokenize.TokenizedDoc;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;
import dev.reel.testing.SparkSessions;

/**
 * Every class of ours that Spark moves is registered with Kryo: the whole job (every input format, a question, three
 * partitions so pieces shuffle between tasks) runs in a session where Kryo refuses an unregistered class.
 */
class KryoRegistrationTest {
  @TempDir
  Path dir;

  @Test
  void theJobRunsWithRegistrationRequired() throws IOException {
    SparkSessions.shared().stop();
    SparkSession strict = RuntimeSettings.builder("reel-kryo-test").master("local[2]")
        .config("spark.ui.enabled", "false").config("spark.kryo.registrationRequired", "true").getOrCreate();
    try {
      assertEquals("true", strict.conf().get("spark.kryo.registrationRequired"));
      Path out = dir.resolve("out");
      new ReelJob(ReelCommand.parseConfig(JobRuns.args(Corpora.SAMPLES, out,
          "--question", "What did the president propose for health insurance?", "--partitions", "3"))).run(strict);
      JsonNode metrics = JobRuns.json(out.resolve("metrics.json"));
      assertTrue(metrics.get("documents_processed").asLong() > 0);
      assertEquals(metrics.get("documents_seen").asLong(),
          metrics.get("documents_processed").asLong() + metrics.get("documents_rejected").asLong());
      assertFalse(JobRuns.json(out.resolve("answer.json")).get("evidence").isEmpty());
    } finally {
      strict.stop();
    }
  }

  @Test
  void recordsAndHeapsComeBackEqual() {
    SerializerInstance kryo = new KryoSerializer(new SparkConf()
        .set("spark.kryo.registrator", KryoClasses.class.getName())
        .set("spark.kryo.registrationRequired", "true")).newInstance();
    TokenizedDoc doc = new TokenizedDoc("a.txt", "a.txt#2", 2, "call me", new int[] {7, 9}, new int[] {0, 5},
        new int[] {4, 7}, 3, 1000);
    TokenizedDoc back = roundTrip(kryo, doc);
    assertEquals(doc.source(), back.source());
    assertEquals(doc.basePosition(), back.basePosition());
    assertArrayEquals(doc.charEnd(), back.charEnd());
    BoundedTopK top = new BoundedTopK(2);
    for (int i = 0; i < 5; i++) {
      top.offer(new Candidate(i, i * 0.5f, 0, 100 + i, i, i + 1, -1, 0f, 0.1f * i, 0f));
    }
    BoundedTopK topBack = roundTrip(kryo, top);
    assertEquals(top.capacity(), topBack.capacity());
    assertEquals(top.best(), topBack.best());
  }

  private static <T> T roundTrip(SerializerInstance kryo, T value) {
    ClassTag<T> tag = ClassTag$.MODULE$.apply(value.getClass());
    return kryo.deserialize(kryo.serialize(value, tag), tag);
  }
}
