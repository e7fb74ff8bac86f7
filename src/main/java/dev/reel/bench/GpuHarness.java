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
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.SizeTPointer;
import dev.reel.chunk.TokenChunk;
import dev.reel.gather.BoundedTopK;
import dev.reel.score.ChunkPromotion;
import dev.reel.score.ChunkScores;
import dev.reel.score.Promoter;
import dev.reel.score.Promotions;
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
  private static final int REPS = 3;
  /**
   * Candidates a task's gather keeps: what the default --buffer-mb (16) holds of MiniLM's 384-dimension rows
   * (GatherStage.capacity, which this Spark-free harness cannot load).
   */
  private static final int GATHER_CAPACITY = 10_726;

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

  /**
   * Both ways the CUDA scorer answers: every token's scores ({@code scoreAll}: importance compared) and the device's
   * own promotion ({@code promoteAll}: the promoted positions compared, in order).
   */
  static Agreement agreement(GpuSample sample, GpuSample.Case c) {
    ScoringModel model = GpuSample.model(sample.attentionVectors(), c.alpha(), c.chunkTokens());
    try (CudaChunkScorer scorer = new CudaChunkScorer(model, 0)) {
      List<TokenChunk> chunks = c.chunks();
      List<List<ChunkScores>> scores = scorer.scoreAll(chunks, sample.questions());
      Promotions promotions = scorer.promoteAll(chunks, sample.questions(), BenchScoring.promoter());
      double worst = 0;
      int samePromoted = 0;
      int compared = 0;
      for (int k = 0; k < chunks.size(); k++) {
        for (int q = 0; q < sample.questions().size(); q++) {
          float[] expected = c.importance()[k][q];
          float[] actual = scores.get(k).get(q).importance();
          for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-30));
          }
          long[] promoted = positions(chunks.get(k), promotions.chunks().get(k).get(q));
          samePromoted += Arrays.equals(promoted, c.promoted()[k][q]) ? 1 : 0;
          compared++;
        }
      }
      return new Agreement(worst, samePromoted, compared, scorer.deviceName());
    }
  }

  private static long[] positions(TokenChunk chunk, ChunkPromotion promotion) {
    return Arrays.stream(promotion.index()).mapToLong(i -> chunk.positions()[i]).toArray();
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
   * sharing the GPU as Spark tasks would: each takes the next batch of chunks (the scorer's batch size) until none
   * is left, with its own host work (building the chunks, the gather's offers) and device buffers. One untimed run
   * first (kernels loaded, buffers sized, the host code compiled), then the best of {@link #REPS}, as the yardstick.
   */
  private static void speed(GpuSample sample, long tokens, int threads) throws Exception {
    ScoringModel model = GpuSample.model(sample.attentionVectors(), 1.0, SPEED_CHUNK);
    List<QuestionDna> questions = List.of(sample.questions().get(0));
    int chunks = (int) (tokens / SPEED_CHUNK);
    List<CudaChunkScorer> scorers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        scorers.add(new CudaChunkScorer(model, 0));
      }
      timed(sample, scorers, questions, chunks, pool);
      long freeBefore = freeBytes();
      Run best = null;
      for (int rep = 0; rep < REPS; rep++) {
        Run run = timed(sample, scorers, questions, chunks, pool);
        best = best == null || run.seconds() < best.seconds() ? run : best;
      }
      report(best, threads, (long) chunks * SPEED_CHUNK, freeBefore - freeBytes(), scorers);
    } finally {
      pool.shutdown();
      scorers.forEach(CudaChunkScorer::close);
    }
  }

  /** One timed run: its wall time, what it promoted, and its scorers' timings from start to end. */
  private record Run(double seconds, long promoted, List<CudaChunkScorer.Timings> before,
                     List<CudaChunkScorer.Timings> after) {}

  private static Run timed(GpuSample sample, List<CudaChunkScorer> scorers, List<QuestionDna> questions, int chunks,
                           ExecutorService pool) throws Exception {
    List<CudaChunkScorer.Timings> before = scorers.stream().map(CudaChunkScorer::timings).toList();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<Long>> parts = new ArrayList<>();
    for (CudaChunkScorer scorer : scorers) {
      parts.add(pool.submit(() -> scoreBatches(sample, scorer, questions, chunks, next)));
    }
    long promoted = 0;
    for (Future<Long> part : parts) {
      promoted += part.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(seconds, promoted, before, scorers.stream().map(CudaChunkScorer::timings).toList());
  }

  /** One JSON line: the run's wall time, and its scorers' GPU time, copies and device memory. */
  private static void report(Run run, int threads, long tokens, long deviceTaken, List<CudaChunkScorer> scorers) {
    long upload = 0;
    long kernel = 0;
    long download = 0;
    long bytes = 0;
    long deviceBytes = 0;
    for (int t = 0; t < threads; t++) {
      CudaChunkScorer.Timings after = run.after().get(t);
      CudaChunkScorer.Timings before = run.before().get(t);
      upload += after.uploadNanos() - before.uploadNanos();
      kernel += after.kernelNanos() - before.kernelNanos();
      download += after.downloadNanos() - before.downloadNanos();
      bytes += after.uploadBytes() - before.uploadBytes();
      deviceBytes += scorers.get(t).deviceBytes();
    }
    System.out.println(String.format(Locale.ROOT, "{\"speed\": \"cuda scorer\", \"threads\": %d, \"tokens\": %d,"
            + " \"reps\": %d, \"seconds\": %.4f, \"tokens_per_second\": %.0f, \"gpu_seconds_per_thread\": %.4f,"
            + " \"kernel_seconds_per_thread\": %.4f, \"h2d_bytes_per_second\": %.0f, \"scorers_device_bytes\": %d,"
            + " \"device_bytes_taken_during_run\": %d, \"promoted\": %d, \"device\": \"%s\"}", threads, tokens, REPS,
        run.seconds(), tokens / run.seconds(), (upload + kernel + download) / 1e9 / threads, kernel / 1e9 / threads,
        bytes / Math.max(upload / 1e9, 1e-9), deviceBytes, deviceTaken, run.promoted(),
        scorers.get(0).deviceName()));
  }

  /** What a scoring task does with a batch: the device's promotion, offered to a bounded top-k as the gather's. */
  private static long scoreBatches(GpuSample sample, CudaChunkScorer scorer, List<QuestionDna> questions, int chunks,
                                   AtomicInteger next) {
    Promoter promoter = BenchScoring.promoter();
    BoundedTopK sink = new BoundedTopK(GATHER_CAPACITY);
    int size = scorer.batchChunks(questions.size());
    long promoted = 0;
    for (int from = next.getAndAdd(size); from < chunks; from = next.getAndAdd(size)) {
      List<TokenChunk> batch = batch(sample, from, Math.min(size, chunks - from));
      Promotions promotions = scorer.promoteAll(batch, questions, promoter);
      for (int k = 0; k < batch.size(); k++) {
        promoted += Promoter.offer(batch.get(k), promotions.chunks().get(k).get(0), sink);
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
