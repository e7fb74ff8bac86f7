package dev.reel.write;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.score.Candidate;

class ReelPlotTest {
  @Test
  void emptyBufferStillDrawsAPicture(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reel.png");
    ReelPlot.write(OutputDir.open(dir.toString(), new Configuration()), "reel.png", List.of(), List.of(), 0, Map.of(),
        "empty");
    assertTrue(Files.size(file) > 5_000);
  }

  @Test
  void pictureIsNonTrivial(@TempDir Path dir) throws Exception {
    List<Candidate> buffer = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      buffer.add(new Candidate(i * 137L, (float) Math.abs(Math.sin(i)), 0, 0, 0, 0, -1, 0, 0, 0));
    }
    Map<String, Long> caught = new LinkedHashMap<>();
    caught.put("random-0", 120L);
    caught.put("question:key", 7L);
    Path file = dir.resolve("reel.png");
    ReelPlot.write(OutputDir.open(dir.toString(), new Configuration()), "reel.png", buffer,
        List.of(new ReelPlot.Mark(70_000, "#1"), new ReelPlot.Mark(210_000, "#2")), 280_000, caught, "Importance");
    assertTrue(Files.size(file) > 20_000, "too small: " + Files.size(file));
    BufferedImage image = ImageIO.read(file.toFile());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 50, "pixels barely vary: " + colours.size() + " colours");
    assertTrue(markedColumns(image) >= 2, "both marks drawn");
  }

  @Test
  void withoutMarksNoColumnIsMarked(@TempDir Path dir) throws Exception {
    List<Candidate> buffer = List.of(new Candidate(5_000, 0.5f, 0, 0, 0, 0, -1, 0, 0, 0));
    ReelPlot.write(OutputDir.open(dir.toString(), new Configuration()), "reel.png", buffer, List.of(), 10_000,
        Map.of("g", 1L), "Importance");
    assertTrue(markedColumns(ImageIO.read(dir.resolve("reel.png").toFile())) == 0);
  }

  /** Columns of the upper chart holding a pixel of the marks' red. */
  private static int markedColumns(BufferedImage image) {
    int red = new Color(200, 30, 30).getRGB();
    int columns = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight() / 2; y++) {
        if (image.getRGB(x, y) == red) {
          columns++;
          break;
        }
      }
    }
    return columns;
  }
}
