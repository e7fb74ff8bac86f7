package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing downloads at run time: the tests and every launcher run with DJL's offline flag, and with it set the
 * PyTorch engine and the tokenizer load from the jars on the classpath alone.
 */
class OfflineTest {
  @Test
  void offlineFlagIsSetForTestsAndLaunchers() throws Exception {
    assertEquals("true", System.getProperty("ai.djl.offline"));
    List<String> launcherFlags = Files.readAllLines(Path.of("conf/jvm.options"));
    assertTrue(launcherFlags.contains("-Dai.djl.offline=true"));
    assertTrue(Files.readString(Path.of("jobs/lib.sh")).contains("@\"$REEL_HOME/conf/jvm.options\""));
  }

  @Test
  void pytorchEngineLoadsOffline() {
    Engine engine = Engine.getEngine("PyTorch");
    assertEquals("PyTorch", engine.getEngineName());
    try (var manager = engine.newBaseManager()) {
      assertEquals(6f, manager.create(new float[] {1, 2, 3}).sum().getFloat());
    }
  }
}
