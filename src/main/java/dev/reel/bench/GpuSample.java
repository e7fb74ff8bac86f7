package dev.reel.bench;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.reel.chunk.TokenChunk;
import dev.reel.model.ModelFiles;
import dev.reel.model.TokenVectors;
import dev.reel.score.ChunkScores;
import dev.reel.score.DnaGates;
import dev.reel.score.DnaLookup;
import dev.reel.score.Promoter;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoringModel;
import dev.reel.score.cpu.TorchChunkScorer;
import dev.reel.tokenize.QuestionTokens;
import dev.reel.tokenize.QuestionTokens.Weighted;
import dev.reel.tokenize.TokenFrequencies;

/**
 * Real chunks scored by the CPU backend, for a GPU host with no Java toolchain, no model files and no network: the
 * attention table; a plain reel's DNA, a question's, and the plain reel's weighed by how much each token tells (the
 * default without a question); chunks of real prose at positions past 2^31 (int64 RoPE); and for each alpha and
 * chunk length the CPU's importance and promoted tokens. {@link GpuHarness} scores the same chunks
 * on the CUDA backend there and compares. Written with Java serialization: both ends run these classes.
 */
record GpuSample(TokenVectors attentionVectors, List<QuestionDna> questions, List<Case> cases, int[] speedIds)
    implements Serializable {
  static final double[] ALPHAS = {0, 0.3, 1};
  static final int[] CHUNK_TOKENS = {512, 4096};
  static final long FIRST_POSITION = 3_000_000_000L;
  static final String QUESTION = "What did the captain say about the white whale?";

  /** One alpha and chunk length: the chunks and, per chunk and question, the CPU's importance and promoted positions. */
  record Case(double alpha, int chunkTokens, int[][] ids, long[][] positions, float[][][] importance,
              long[][][] promoted) implements Serializable {
    /** The chunks again (token ids and positions; the rest of a chunk does not change its scores). */
    List<TokenChunk> chunks() {
      List<TokenChunk> chunks = new ArrayList<>(ids.length);
      for (int c = 0; c < ids.length; c++) {
        TokenChunk chunk = TokenChunk.allocate(c, ids[c].length);
        System.arraycopy(ids[c], 0, chunk.ids(), 0, ids[c].length);
        System.arraycopy(positions[c], 0, chunk.positions(), 0, positions[c].length);
        chunks.add(chunk);
      }
      return chunks;
    }
  }

  static ScoringModel model(TokenVectors attentionVectors, double alpha, int chunkTokens) {
    return new ScoringModel(attentionVectors, BenchScoring.options(alpha), chunkTokens);
  }

  /** Positions promoted per question: the promoter's choice on these scores. */
  static long[][] promoted(TokenChunk chunk, List<ChunkScores> scores) {
    Promoter promoter = BenchScoring.promoter();
    long[][] out = new long[scores.size()][];
    for (int q = 0; q < scores.size(); q++) {
      out[q] = promoter.promote(chunk, scores.get(q)).stream().mapToLong(c -> c.position()).toArray();
    }
    return out;
  }

  /** Builds the sample from {@code corpus}'s tokens: {@code chunkTokens}-long chunks, {@code tokensPerCase} each. */
  static GpuSample build(BenchCorpus corpus, ModelFiles files, int tokensPerCase, int speedTokens)
      throws IOException {
    int[] questionTokens = QuestionTokens.contentTokens(QUESTION, files.tokenizerJson(), corpus.vocabulary);
    float[] ones = new float[questionTokens.length];
    Arrays.fill(ones, 1f);
    List<QuestionDna> questions = new ArrayList<>();
    for (Weighted question : List.of(Weighted.NONE, new Weighted(questionTokens, ones))) {
      DnaGates gates = BenchScoring.gates(question, corpus);
      questions.add(new QuestionDna(gates, DnaLookup.build(gates, question, corpus.vectors), question));
    }
    // The question-less default: the plain reel's DNA weighed by how much each token tells in this corpus.
    QuestionDna plain = questions.get(0);
    float[] information = TokenFrequencies.of(List.of(corpus.ids).iterator(), corpus.vectors.vocab()).information();
    questions.add(new QuestionDna(plain.gates(), plain.dna().informedBy(information), plain.question()));
    List<Case> cases = new ArrayList<>();
    for (double alpha : ALPHAS) {
      for (int chunkTokens : CHUNK_TOKENS) {
        cases.add(scored(corpus, questions, alpha, chunkTokens, tokensPerCase / chunkTokens));
      }
    }
    return new GpuSample(corpus.attentionVectors, questions, cases, corpus.tokens(0, speedTokens));
  }

  private static Case scored(BenchCorpus corpus, List<QuestionDna> questions, double alpha, int chunkTokens,
                             int count) {
    List<TokenChunk> chunks = new ArrayList<>();
    float[][][] importance = new float[count][][];
    long[][][] promoted = new long[count][][];
    try (TorchChunkScorer scorer = new TorchChunkScorer(model(corpus.attentionVectors, alpha, chunkTokens))) {
      for (int c = 0; c < count; c++) {
        // The last chunk is shorter, as a corpus's last chunk is.
        int length = c == count - 1 ? chunkTokens / 3 : chunkTokens;
        TokenChunk chunk = chunk(corpus, c, chunkTokens, length);
        List<ChunkScores> scores = scorer.score(chunk, questions);
        chunks.add(chunk);
        importance[c] = scores.stream().map(ChunkScores::importance).toArray(float[][]::new);
        promoted[c] = promoted(chunk, scores);
      }
    }
    return new Case(alpha, chunkTokens, chunks.stream().map(TokenChunk::ids).toArray(int[][]::new),
        chunks.stream().map(TokenChunk::positions).toArray(long[][]::new), importance, promoted);
  }

  static TokenChunk chunk(int[] ids, long id, int chunkTokens, int length, int from) {
    TokenChunk chunk = TokenChunk.allocate(id, length);
    for (int i = 0; i < length; ) {
      int at = (from + i) % ids.length;
      int run = Math.min(length - i, ids.length - at);
      System.arraycopy(ids, at, chunk.ids(), i, run);
      i += run;
    }
    long first = FIRST_POSITION + id * chunkTokens;
    for (int i = 0; i < length; i++) {
      chunk.positions()[i] = first + i;
    }
    return chunk;
  }

  private static TokenChunk chunk(BenchCorpus corpus, long id, int chunkTokens, int length) {
    return chunk(corpus.ids, id, chunkTokens, length, (int) (id * chunkTokens % corpus.ids.length));
  }

  void write(Path file) throws IOException {
    BenchFiles.write(file, this);
  }

  static GpuSample read(Path file) throws IOException {
    return BenchFiles.read(file, GpuSample.class);
  }
}
