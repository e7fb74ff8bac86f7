package dev.reel.dna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.config.ModelOptions;
import dev.reel.model.ModelFiles;
import dev.reel.model.StaticVectorTable;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.DocumentTokenizer;
import dev.reel.testing.Corpora;
import dev.reel.testing.ModelCache;

/** Learned tastes are deterministic for a seed, differ from each other, and survive their file. */
class SphericalKMeansTest {
  static Vocabulary vocabulary;
  static TokenVectors vectors;
  static double[] weights;

  @BeforeAll
  static void weightsFromRealText() throws Exception {
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, ModelCache.dir()));
    vocabulary = Vocabulary.parse(files.tokenizerJson());
    vectors = StaticVectorTable.load(files, vocabulary, Path.of(ModelCache.dir()));
    weights = new double[vocabulary.size()];
    DocumentTokenizer tokenizer = DocumentTokenizer.of(files.tokenizerJson());
    for (Path chapter : Corpora.mobyDickChapters().subList(0, 20)) {
      for (int id : tokenizer.tokenize(Corpora.read(chapter))[0]) {
        weights[id] += 1;
      }
    }
  }

  @Test
  void sameSeedGivesTheSameTastesAndGatesDiffer(@TempDir Path dir) throws Exception {
    SphericalKMeans kmeans = new SphericalKMeans(vectors, vocabulary);
    LearnedTastes first = kmeans.train(weights, 8, 7, 10, 0.75, "m");
    LearnedTastes second = kmeans.train(weights, 8, 7, 10, 0.75, "m");
    for (int g = 0; g < 8; g++) {
      assertArrayEquals(first.gates().get(g).taste(), second.gates().get(g).taste());
    }
    Set<String> tops = new HashSet<>();
    first.gates().forEach(g -> tops.addAll(g.topTokens()));
    assertTrue(tops.size() > 8 * 10, "gates share their top tokens: " + tops.size());

    Path file = dir.resolve("tastes.json");
    first.write(file);
    LearnedTastes read = LearnedTastes.read(file);
    assertEquals(first.gates().size(), read.gates().size());
    assertArrayEquals(first.gates().get(3).taste(), read.gates().get(3).taste());
    assertEquals(first.gates().get(3).threshold(), read.gates().get(3).threshold());
  }
}
