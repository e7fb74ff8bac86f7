package dev.reel.bench;

import static org.bytedeco.cuda.global.cudart.cuMemGetInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.SizeTPointer;
import dev.reel.chunk.TokenChunk;
import dev.reel.score.ChunkScores;
import dev.reel.score.Promoter;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoringModel;
import dev.reel.score.cuda.CudaChunkScorer;

/**
 * The GPU host's check, with no Spark, no Maven and no network: scores a {@link GpuSample}'s chunks on the CUDA
 * backend and compares them with the CPU backend's results it carries (importance, promoted tokens), then times the
 * CUDA scorer on the sample's real tokens, repeated, at each size asked for. Prints one JSON line per result.
 *
 * <p>Usage: {@code GpuHarness SAMPLE [TOKENS,TOKENS...] [THREADS,THREADS...]}.
 */
public final class GpuHarness {
  private static final int SPEED_CHUNK = 512;
  private static final int BATCH_CHUNKS = 2048;

  private GpuHarness() {}

  public static void main(String[] args) throws Exception {
    GpuSample sample = GpuSample.read(Path.of(args[0]));
    boolean agrees = true;
    for (GpuSample.Case c : sample.cases()) {
      agrees &= compare(sample, c);
    }
    String sizes = args.length > 1 ? args[1] : "1048576,10485760";
    String threads = args.length > 2 ? args[2] : "1,8";
    for (String count : threads.split(",")) {
      for (String size : sizes.split(",")) {
        speed(sample, Long.parseLong(size.trim()), Integer.parseInt(count.trim()));
      }
    }
    System.exit(agrees ? 0 : 1);
  }

  /** How far the CUDA backend's scores of a case are from the CPU's it carries. */
  record Agreement(double maxRelativeError, int samePromoted, int compared, String device) {
    boolean holds() {
      return maxRelativeError <= 1e-3 && samePromoted == compared;
    }
  }

  static Agreement agreement(GpuSample sample, GpuSample.Case c) {
    ScoringModel model = GpuSample.model(sample.attentionVectors(), c.alpha(), c.chunkTokens());
    try (CudaChunkScorer scorer = new CudaChunkScorer(model, 0)) {
      List<TokenChunk> chunks = c.chunks();
      List<List<ChunkScores>> scores = scorer.scoreAll(chunks, sample.questions());
      double worst = 0;
      int samePromoted = 0;
      int compared = 0;
      for (int k = 0; k < chunks.size(); k++) {
        long[][] promoted = GpuSample.promoted(chunks.get(k), scores.get(k));
        for (int q = 0; q < sample.questions().size(); q++) {
          float[] expected = c.importance()[k][q];
          float[] actual = scores.get(k).get(q).importance();
          for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-30));
          }
          samePromoted += Arrays.equals(promoted[q], c.promoted()[k][q]) ? 1 : 0;
          compared++;
        }
      }
      return new Agreement(worst, samePromoted, compared, scorer.deviceName());
    }
  }

  private static boolean compare(GpuSample sample, GpuSample.Case c) {
    Agreement agreement = agreement(sample, c);
    System.out.println(String.format(Locale.ROOT, "{\"check\": \"cuda vs cpu\", \"alpha\": %s, \"chunk_tokens\": %d,"
            + " \"chunks\": %d, \"questions\": %d, \"max_relative_error\": %.3g, \"same_promoted\": \"%d/%d\","
            + " \"agrees\": %b, \"device\": \"%s\"}", c.alpha(), c.chunkTokens(), c.ids().length,
        sample.questions().size(), agreement.maxRelativeError(), agreement.samePromoted(), agreement.compared(),
        agreement.holds(), agreement.device()));
    return agreement.holds();
  }

  /**
   * Alpha 1, one plain reel's DNA, chunks of 512 real tokens (the yardstick's setting), on {@code threads} scorers
   * sharing the GPU as Spark tasks would: each its own batches, host work (DNA lookup, importance, promotion) and
   * device buffers.
   */
  private static void speed(GpuSample sample, long tokens, int threads) throws Exception {
    ScoringModel model = GpuSample.model(sample.attentionVectors(), 1.0, SPEED_CHUNK);
    List<QuestionDna> questions = List.of(sample.questions().get(0));
    int chunks = (int) (tokens / SPEED_CHUNK);
    List<CudaChunkScorer> scorers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        CudaChunkScorer scorer = new CudaChunkScorer(model, 0);
        scorers.add(scorer);
        scorer.scoreAll(batch(sample, 0, Math.min(chunks, BATCH_CHUNKS)), questions); // kernels loaded, buffers sized
      }
      long freeBefore = freeBytes();
      List<CudaChunkScorer.Timings> before = scorers.stream().map(CudaChunkScorer::timings).toList();
      long start = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        CudaChunkScorer scorer = scorers.get(t);
        int first = t * BATCH_CHUNKS;
        int step = threads * BATCH_CHUNKS;
        parts.add(pool.submit(() -> scoreBatches(sample, scorer, questions, chunks, first, step)));
      }
      long promoted = 0;
      for (Future<Long> part : parts) {
        promoted += part.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      report(scorers, before, threads, (long) chunks * SPEED_CHUNK, seconds, freeBefore - freeBytes(), promoted);
    } finally {
      pool.shutdown();
      scorers.forEach(CudaChunkScorer::close);
    }
  }

  /** One JSON line: the run's wall time, and its scorers' GPU time, copies and device memory since {@code before}. */
  private static void report(List<CudaChunkScorer> scorers, List<CudaChunkScorer.Timings> before, int threads,
                             long tokens, double seconds, long deviceTaken, long promoted) {
    long upload = 0;
    long kernel = 0;
    long download = 0;
    long bytes = 0;
    long deviceBytes = 0;
    for (int t = 0; t < threads; t++) {
      CudaChunkScorer.Timings after = scorers.get(t).timings();
      upload += after.uploadNanos() - before.get(t).uploadNanos();
      kernel += after.kernelNanos() - before.get(t).kernelNanos();
      download += after.downloadNanos() - before.get(t).downloadNanos();
      bytes += after.uploadBytes() - before.get(t).uploadBytes();
      deviceBytes += scorers.get(t).deviceBytes();
    }
    System.out.println(String.format(Locale.ROOT, "{\"speed\": \"cuda scorer\", \"threads\": %d, \"tokens\": %d,"
            + " \"seconds\": %.4f, \"tokens_per_second\": %.0f, \"gpu_seconds_per_thread\": %.4f,"
            + " \"kernel_seconds_per_thread\": %.4f, \"h2d_bytes_per_second\": %.0f, \"scorers_device_bytes\": %d,"
            + " \"device_bytes_taken_during_run\": %d, \"promoted\": %d, \"device\": \"%s\"}", threads, tokens,
        seconds, tokens / seconds, (upload + kernel + download) / 1e9 / threads, kernel / 1e9 / threads,
        bytes / Math.max(upload / 1e9, 1e-9), deviceBytes, deviceTaken, promoted, scorers.get(0).deviceName()));
  }

  private static long scoreBatches(GpuSample sample, CudaChunkScorer scorer, List<QuestionDna> questions, int chunks,
                                   int first, int step) {
    Promoter promoter = BenchScoring.promoter();
    long promoted = 0;
    for (int from = first; from < chunks; from += step) {
      List<TokenChunk> batch = batch(sample, from, Math.min(BATCH_CHUNKS, chunks - from));
      List<List<ChunkScores>> scores = scorer.scoreAll(batch, questions);
      for (int k = 0; k < batch.size(); k++) {
        promoted += promoter.promote(batch.get(k), scores.get(k).get(0)).size();
      }
    }
    return promoted;
  }

  private static List<TokenChunk> batch(GpuSample sample, int first, int count) {
    List<TokenChunk> chunks = new ArrayList<>(count);
    for (int c = first; c < first + count; c++) {
      chunks.add(GpuSample.chunk(sample.speedIds(), c, SPEED_CHUNK, SPEED_CHUNK,
          (int) ((long) c * SPEED_CHUNK % sample.speedIds().length)));
    }
    return chunks;
  }

  static long freeBytes() {
    try (SizeTPointer free = new SizeTPointer(1); SizeTPointer total = new SizeTPointer(1)) {
      cuMemGetInfo(free, total);
      return free.get();
    }
  }
}
