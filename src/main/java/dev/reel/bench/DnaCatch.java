package dev.reel.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.reel.dna.LearnedTastes;
import dev.reel.model.TokenVectors;
import dev.reel.score.DnaGates;
import dev.reel.score.DnaLookup;
import dev.reel.tokenize.QuestionTokens.Weighted;

/** The seed's experiment: how many of N real tokens random tastes catch, and how many learned tastes catch. */
final class DnaCatch {
  private DnaCatch() {}

  /** Caught tokens and caught count per gate, for {@code ids}. */
  record Catch(int caught, int[] perGate, List<String> names) {}

  /** Counts with the job's own definition of caught: {@link DnaLookup}, as the chunk scorer uses it. */
  static Catch count(DnaGates gates, TokenVectors vectors, int[] ids) {
    int[] gate = DnaLookup.build(gates, Weighted.NONE, vectors).lookup(ids, ids.length).gate();
    int[] perGate = new int[gates.count()];
    int caught = 0;
    for (int g : gate) {
      if (g >= 0) {
        caught++;
        perGate[g]++;
      }
    }
    return new Catch(caught, perGate, gates.names());
  }

  static DnaGates random(int gates, long seed, float threshold, BenchCorpus corpus) {
    return DnaGates.build(null, gates, seed, threshold, Weighted.NONE, corpus.vectors, corpus.vocabulary);
  }

  static DnaGates learned(LearnedTastes tastes, BenchCorpus corpus) {
    return DnaGates.build(tastes, 0, 0, 0, Weighted.NONE, corpus.vectors, corpus.vocabulary);
  }

  /** Distinct tokens over all gates' top-token lists, against the lists' total length. */
  static int[] distinctTopTokens(LearnedTastes tastes) {
    Set<String> distinct = new HashSet<>();
    int total = 0;
    for (LearnedTastes.Gate gate : tastes.gates()) {
      distinct.addAll(gate.topTokens());
      total += gate.topTokens().size();
    }
    return new int[] {distinct.size(), total};
  }

  static List<String> table(Catch c) {
    List<String> rows = new ArrayList<>();
    for (int g = 0; g < c.perGate().length; g++) {
      rows.add(c.names().get(g) + ": " + c.perGate()[g]);
    }
    return rows;
  }
}
