package dev.reel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.reel.cli.ReelCommand;

/** --rule and --vectors: their spellings, their defaults, and the combinations seed-l2 rejects. */
class ScoreOptionsTest {
  @Test
  void seedL2RejectsAblationWithAMessageNamingBothFlags() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> options(EnumSet.of(ImportancePart.GRAVITY, ImportancePart.RELEVANCE), ScoringRule.SEED_L2,
            VectorSource.STATIC));
    assertEquals("--ablate switches off parts of --rule dna; --rule seed-l2 scores by the raw vector norm alone, "
        + "so there is nothing to ablate; found --ablate gravity,relevance", e.getMessage());
  }

  @Test
  void seedL2RejectsContextualVectors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> options(Set.of(), ScoringRule.SEED_L2, VectorSource.CONTEXTUAL));
    assertEquals("--vectors contextual changes the attention of --rule dna; --rule seed-l2 runs no attention; "
        + "use --vectors static (the default)", e.getMessage());
  }

  @Test
  void defaultsAreDnaOnStaticVectors() {
    ScoreOptions score = ReelCommand.parseConfig("--input", "x", "--output", "y").score();
    assertEquals(ScoringRule.DNA, score.rule());
    assertEquals(VectorSource.STATIC, score.vectors());
  }

  @Test
  void commandLineSpellingsParse() {
    assertEquals(ScoringRule.SEED_L2,
        ReelCommand.parseConfig("--input", "x", "--output", "y", "--rule", "seed-l2").score().rule());
    ScoreOptions contextual = ReelCommand.parseConfig("--input", "x", "--output", "y", "--vectors", "contextual",
        "--ablate", "gravity").score();
    assertEquals(VectorSource.CONTEXTUAL, contextual.vectors());
    assertEquals("seed-l2", ScoringRule.SEED_L2.toString());
    assertEquals("contextual", VectorSource.CONTEXTUAL.toString());
  }

  private static ScoreOptions options(Set<ImportancePart> ablated, ScoringRule rule, VectorSource vectors) {
    return new ScoreOptions(0, 16, 42, 0.15, 0.9, 64, ablated, null, TasteSource.AUTO, rule, vectors, Backend.AUTO);
  }
}
