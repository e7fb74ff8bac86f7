package dev.reel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.config.ReelConfig;
import dev.reel.model.ModelFiles;
import dev.reel.testing.Corpora;
import dev.reel.testing.ModelCache;
import dev.reel.testing.SparkSessions;
import dev.reel.tokenize.DocumentTokenizer;

/**
 * Every validation suite at 4K tokens of real text, three depths each (0%, 50%, 100%), through the same runner as
 * jobs/eval and the real job. The levels asserted are the ones jobs/eval measures at this size (jobs/results/eval.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuitesSmallScaleTest {
  private static final long LENGTH = 4096;
  private static final double[] DEPTHS = {0, 0.5, 1};

  @TempDir
  Path work;
  private DocumentTokenizer tokenizer;
  private ReelConfig defaults;
  private CaseRunner runner;

  /** What a suite scored over the depths. */
  private record Tally(int runs, int hit1, int hit5, int bm25Hit1, int ordered, double recall, double factRecall) {}

  @BeforeAll
  void load() {
    defaults = ReelCommand.parseConfig("--input", ".", "--output", "unused", "--cache-dir", ModelCache.dir());
    tokenizer = DocumentTokenizer.of(new ModelFiles(defaults.model()).tokenizerJson());
  }

  private Tally measure(Suite suite, Path haystackFolder) throws IOException {
    if (runner == null) {
      runner = new CaseRunner(SparkSessions.shared(), work);
    }
    Haystack haystack = Haystack.load(List.of(haystackFolder), LENGTH, tokenizer, defaults.ingest()).prefix(LENGTH);
    runner.use(haystack);
    Planter planter = new Planter(tokenizer, defaults.chunk().chunkTokens());
    int hit1 = 0;
    int hit5 = 0;
    int bm25 = 0;
    int ordered = 0;
    double recall = 0;
    double factRecall = 1;
    for (int d = 0; d < DEPTHS.length; d++) {
      EvalCase evalCase = suite.make(DEPTHS[d], new SplittableRandom(100 + d));
      Planter.Planted planted = planter.plant(haystack, evalCase);
      CaseRunner.Outcome outcome = runner.run(evalCase, planted, List.of("--cache-dir", ModelCache.dir()));
      hit1 += outcome.rank() == 1 ? 1 : 0;
      hit5 += outcome.rank() >= 1 && outcome.rank() <= 5 ? 1 : 0;
      ordered += outcome.ordered() ? 1 : 0;
      recall += outcome.recall() / DEPTHS.length;
      factRecall = Math.min(factRecall, evalCase.facts() == null ? 1 : outcome.factRecall());
      bm25 += CaseRunner.coverRank(Bm25Baseline.topPassages(planted.texts(), evalCase.question()), evalCase) == 1
          ? 1 : 0;
      assertEquals(LENGTH + tokenizer.tokenize(String.join(" ", evalCase.plants().stream()
          .map(EvalCase.Plant::sentence).toList()))[0].length, outcome.tokens(), 2, "the job read the planted haystack");
    }
    return new Tally(DEPTHS.length, hit1, hit5, bm25, ordered, recall, factRecall);
  }

  @Test
  void passkeyIsTheTopEvidenceAtEveryDepthInProseMailAndHtml() throws IOException {
    for (Path haystack : List.of(Corpora.MOBY_DICK, Corpora.SAMPLES.resolve("mail/easy-ham.mbox"),
        Corpora.SAMPLES.resolve("html"))) {
      Tally tally = measure(Suite.PASSKEY, haystack);
      assertEquals(3, tally.hit1(), haystack + ": " + tally);
      assertEquals(3, tally.ordered());
    }
  }

  @Test
  void needleIsTheTopEvidenceAtEveryDepth() throws IOException {
    Tally tally = measure(Suite.NEEDLE, Corpora.MOBY_DICK);
    assertEquals(3, tally.hit1(), tally.toString());
    assertEquals(3, tally.bm25Hit1(), "BM25 finds a needle that shares the question's words");
  }

  @Test
  void multiKeyPicksTheAskedKeyAmongDistractors() throws IOException {
    Tally tally = measure(Suite.MULTIKEY, Corpora.MOBY_DICK);
    assertEquals(3, tally.hit1(), tally.toString());
  }

  @Test
  void multiValueAndMultiQueryCoverEveryValue() throws IOException {
    for (Suite suite : List.of(Suite.MULTIVALUE, Suite.MULTIQUERY)) {
      Tally tally = measure(suite, Corpora.MOBY_DICK);
      assertEquals(3, tally.hit5(), suite + ": " + tally);
    }
  }

  @Test
  void variableTrackingFollowsTheChainWhereBm25CannotInOneShot() throws IOException {
    Tally tally = measure(Suite.VARIABLE_TRACKING, Corpora.MOBY_DICK);
    assertEquals(3, tally.hit1(), tally.toString());
    assertEquals(0, tally.bm25Hit1(), "the question names only the last variable, whose line lacks the value");
  }

  @Test
  void jigsawFactAcrossAChunkBorderComesBackWholeAndInOrder() throws IOException {
    Tally tally = measure(Suite.JIGSAW, Corpora.MOBY_DICK);
    assertEquals(3, tally.hit1(), tally.toString());
    assertEquals(3, tally.ordered(), "reel.parquet in original order whatever the partition count");
  }

  @Test
  void commonWordsNegativeControlIsNotSolvedBySelection() throws IOException {
    Tally tally = measure(Suite.COMMON_WORDS, Corpora.MOBY_DICK);
    assertEquals(0, tally.hit1(), "counting is aggregation: the answer names the five words only by chance");
    assertTrue(tally.recall() > 0, "the list itself is still kept: " + tally);
  }

  @Test
  void factsThatChainAreReadInOrderAndRelated() throws IOException {
    for (Suite suite : List.of(Suite.ENTITY_STATE, Suite.OBJECT_CARRIED, Suite.OBJECT_THREE_FACTS,
        Suite.VARIABLE_CHAIN)) {
      Tally tally = measure(suite, Corpora.MOBY_DICK);
      assertEquals(1.0, tally.factRecall(), suite + ": 4K tokens fit the buffer, so every supporting fact is read");
      assertEquals(3, tally.hit1(), suite + ": with every fact read, the latest move, the holder's place and the "
          + "chain's end answer: " + tally);
    }
  }
}
