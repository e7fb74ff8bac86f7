package dev.reel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.reel.chunk.TokenChunk;
import dev.reel.config.ScoreOptions;
import dev.reel.score.DnaGates;
import dev.reel.score.DnaLookup;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoringModel;
import dev.reel.score.cpu.TorchChunkScorer;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * Throughput of the chunk scorer itself (embed lookup, DNA gravity, RoPE, attention, importance) on real tokens,
 * one scorer per thread as one per Spark task, chunks split evenly between threads. DNA is a per-token lookup built
 * once per job on the driver (its time is reported apart): the vectors are static, so it is exact.
 */
final class ScorerThroughput {
  private final BenchCorpus corpus;
  /** Driver seconds the last run spent building the per-token DNA lookup (once per job, not per chunk). */
  double lookupSeconds;

  ScorerThroughput(BenchCorpus corpus) {
    this.corpus = corpus;
  }

  /** Tokens per second scoring {@code tokens} tokens in chunks of {@code chunkTokens} on {@code threads} threads. */
  double tokensPerSecond(double alpha, int chunkTokens, long tokens, int threads) throws Exception {
    ScoreOptions options = BenchScoring.options(alpha);
    DnaGates gates = BenchScoring.gates(Weighted.NONE, corpus);
    long lookupStart = System.nanoTime();
    DnaLookup dna = DnaLookup.build(gates, Weighted.NONE, corpus.vectors);
    lookupSeconds = (System.nanoTime() - lookupStart) / 1e9;
    ScoringModel model = new ScoringModel(corpus.attentionVectors, options, chunkTokens);
    List<QuestionDna> questions = List.of(new QuestionDna(gates, dna, Weighted.NONE));
    int chunks = (int) (tokens / chunkTokens);
    warmUp(model, questions, chunkTokens);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> score(model, questions, chunkTokens, first, chunks, threads)));
      }
      long scored = 0;
      for (Future<Long> part : parts) {
        scored += part.get();
      }
      return scored / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  private void warmUp(ScoringModel model, List<QuestionDna> questions, int chunkTokens) {
    try (TorchChunkScorer scorer = new TorchChunkScorer(model)) {
      for (int i = 0; i < 3; i++) {
        scorer.score(chunk(i, chunkTokens), questions);
      }
    }
  }

  private long score(ScoringModel model, List<QuestionDna> questions, int chunkTokens, int first, int chunks,
                     int stride) {
    long scored = 0;
    try (TorchChunkScorer scorer = new TorchChunkScorer(model)) {
      for (int c = first; c < chunks; c += stride) {
        scored += scorer.score(chunk(c, chunkTokens), questions).get(0).importance().length;
      }
    }
    return scored;
  }

  private TokenChunk chunk(long id, int chunkTokens) {
    TokenChunk chunk = TokenChunk.allocate(id, chunkTokens);
    int[] ids = corpus.tokens((int) (id * chunkTokens % corpus.ids.length), chunkTokens);
    System.arraycopy(ids, 0, chunk.ids(), 0, chunkTokens);
    for (int i = 0; i < chunkTokens; i++) {
      chunk.positions()[i] = id * chunkTokens + i;
    }
    return chunk;
  }
}
