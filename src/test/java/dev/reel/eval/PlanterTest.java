package dev.reel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.reel.cli.ReelCommand;
import dev.reel.config.ReelConfig;
import dev.reel.model.ModelFiles;
import dev.reel.testing.Corpora;
import dev.reel.testing.ModelCache;
import dev.reel.tokenize.DocumentTokenizer;

/** Planting on real text: exact lengths, answers where the spans say, jigsaw facts across a chunk border. */
class PlanterTest {
  private static final int CHUNK = 512;
  private static DocumentTokenizer tokenizer;
  private static Haystack moby;

  @BeforeAll
  static void load() throws IOException {
    ReelConfig config = ReelCommand.parseConfig("--input", ".", "--output", "unused", "--cache-dir", ModelCache.dir());
    tokenizer = DocumentTokenizer.of(new ModelFiles(config.model()).tokenizerJson());
    moby = Haystack.load(List.of(Corpora.MOBY_DICK), 40_000, tokenizer, config.ingest());
  }

  @Test
  void prefixHasExactlyTheTokensAsked() {
    Haystack prefix = moby.prefix(10_000);
    assertEquals(10_000, prefix.tokens());
    long retokenized = prefix.docs().stream().mapToLong(d -> tokenizer.tokenize(d.text())[0].length).sum();
    assertEquals(10_000, retokenized, "the cut falls at a token start, so the text tokenizes to the same count");
  }

  @Test
  void everyAnswerSpanHoldsItsAnswerForEverySuiteAndDepth() {
    Haystack prefix = moby.prefix(32_768);
    Planter planter = new Planter(tokenizer, CHUNK);
    for (Suite suite : Suite.values()) {
      for (double depth : new double[] {0, 0.3, 0.77, 1}) {
        EvalCase evalCase = suite.make(depth, new SplittableRandom(11));
        Planter.Planted planted = planter.plant(prefix, evalCase);
        for (int a = 0; a < evalCase.answers().size(); a++) {
          int[] span = planted.spans().get(a);
          assertEquals(evalCase.answers().get(a).text(), planted.texts().get(span[0]).substring(span[1], span[2]),
              suite + " at depth " + depth);
        }
        for (EvalCase.Plant plant : evalCase.plants()) {
          assertTrue(planted.texts().stream().anyMatch(t -> t.contains(plant.sentence())), suite + ": planted whole");
        }
      }
    }
  }

  @Test
  void plantsLandAtTheirDepth() {
    Haystack prefix = moby.prefix(32_768);
    EvalCase evalCase = Suite.NEEDLE.make(0.5, new SplittableRandom(1));
    Planter.Planted planted = new Planter(tokenizer, CHUNK).plant(prefix, evalCase);
    long before = tokensBefore(planted, planted.spans().get(0));
    assertTrue(Math.abs(before - 0.5 * prefix.tokens()) < 200, "needle at token " + before + " of " + prefix.tokens());
  }

  @Test
  void jigsawFactStraddlesAChunkBorder() {
    Haystack prefix = moby.prefix(32_768);
    Planter planter = new Planter(tokenizer, CHUNK);
    for (double depth : new double[] {0, 0.25, 0.5, 0.9, 1}) {
      EvalCase evalCase = Suite.JIGSAW.make(depth, new SplittableRandom(3));
      Planter.Planted planted = planter.plant(prefix, evalCase);
      int[] span = planted.spans().get(0);
      long start = tokensBefore(planted, span);
      long end = start + tokenizer.tokenize(evalCase.answers().get(0).text())[0].length;
      assertTrue(start / CHUNK != (end - 1) / CHUNK, "answer tokens " + start + ".." + end + " cross a border at depth "
          + depth);
    }
  }

  @Test
  void aFactCaseIsPlantedInTheOrderItHappensWithItsAnswerUnambiguous() {
    Haystack prefix = moby.prefix(32_768);
    Planter planter = new Planter(tokenizer, CHUNK);
    for (Suite suite : List.of(Suite.ENTITY_STATE, Suite.OBJECT_CARRIED, Suite.OBJECT_THREE_FACTS)) {
      for (double depth : new double[] {0, 0.5, 1}) {
        for (int seed = 0; seed < 5; seed++) {
          EvalCase evalCase = suite.make(depth, new SplittableRandom(seed));
          String text = String.join("\n", planter.plant(prefix, evalCase).texts());
          int last = -1;
          for (int p : evalCase.facts().supporting()) {
            // A person may go back to a place: look for each fact after the one before it.
            int at = text.indexOf(evalCase.plants().get(p).sentence(), last + 1);
            assertTrue(at > last, suite + " at depth " + depth + ": supporting fact " + p + " comes after the last");
            last = at;
          }
          String answer = evalCase.answers().get(0).text();
          assertTrue(evalCase.answeredBy("the " + answer), suite + ": the right place alone answers");
          assertTrue(evalCase.facts().wrong().stream().noneMatch(w -> w.contains(answer) || answer.contains(w)),
              suite + ": no wrong place spells the right one");
          assertTrue(evalCase.facts().wrong().stream().noneMatch(w -> evalCase.answeredBy(answer + " or " + w)),
              suite + ": an answer naming a wrong place beside the right one is wrong");
        }
      }
    }
  }

  /** Global token position of a span's start: tokens of earlier documents and of its own text before it. */
  private static long tokensBefore(Planter.Planted planted, int[] span) {
    long before = 0;
    for (int d = 0; d < span[0]; d++) {
      before += tokenizer.tokenize(planted.texts().get(d))[0].length;
    }
    return before + tokenizer.tokenize(planted.texts().get(span[0]).substring(0, span[1]))[0].length;
  }
}
