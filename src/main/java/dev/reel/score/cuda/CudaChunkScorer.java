package dev.reel.score.cuda;

import static dev.reel.score.cuda.KernelArgs.address;
import static dev.reel.score.cuda.KernelArgs.integer;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import dev.reel.chunk.TokenChunk;
import dev.reel.model.TokenVectors;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionReach;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ChunkScores;
import dev.reel.score.ChunkScoring;
import dev.reel.score.QuestionDna;
import dev.reel.score.RotaryEncoding;
import dev.reel.score.ScoringModel;

/**
 * The CUDA backend's scorer. The backend-neutral DNA lookup, query weights and importance stay on the host
 * ({@link ChunkScoring}); the GPU gathers each token's row from the attention table it holds, rotates it by RoPE at
 * its int64 position in double precision, and computes the attention every key receives under the alpha slider
 * ({@code attention.cu}): what {@code TorchChunkScorer} computes, to float rounding. Chunks go to the GPU in batches
 * ({@link #scoreAll}). Static vectors only. Owns its device buffers; closing frees them (the context stays, one per
 * JVM).
 */
public final class CudaChunkScorer implements ChunkScorer {
  private static final long BATCH_TOKENS = 1L << 20;
  private final ScoringModel model;
  private final AlphaShortlist shortlist;
  private final CudaContext cuda;
  private final int vocab;
  private final int dims;
  /** Each vocabulary entry's squared row norm: a chunk's reach comes from its largest. */
  private final float[] squaredNorms;
  private final DeviceArray table = new DeviceArray("attention table");
  private final DeviceArray frequencies = new DeviceArray("RoPE frequencies");
  private final DeviceArray ids = new DeviceArray("token ids");
  private final DeviceArray positions = new DeviceArray("positions");
  private final DeviceArray lengths = new DeviceArray("chunk lengths");
  private final DeviceArray halves = new DeviceArray("band half widths");
  private final DeviceArray reaches = new DeviceArray("reaches");
  private final DeviceArray shared = new DeviceArray("shared keys");
  private final DeviceArray rows = new DeviceArray("rotated rows");
  private final DeviceArray maxima = new DeviceArray("softmax maxima");
  private final DeviceArray sums = new DeviceArray("softmax sums");
  private final DeviceArray weights = new DeviceArray("query weights");
  private final DeviceArray sharedReceived = new DeviceArray("attention received by shared keys");
  private final DeviceArray received = new DeviceArray("attention received");

  /** Bytes sent to the GPU and the nanoseconds spent sending, in kernels and bringing results back, so far. */
  public record Timings(long uploadBytes, long uploadNanos, long kernelNanos, long downloadNanos) {}

  private long uploadBytes;
  private long uploadNanos;
  private long kernelNanos;
  private long downloadNanos;

  /** A scorer on GPU {@code device} of this JVM. */
  public CudaChunkScorer(ScoringModel model, int device) {
    if (model.contextual() != null) {
      throw new IllegalArgumentException("cuda: contextual vectors are not on the CUDA backend (--vectors static)");
    }
    this.model = model;
    this.shortlist = new AlphaShortlist(model.options().alpha(), AlphaShortlist.DEFAULT_BASE_KEYS);
    TokenVectors vectors = model.attentionVectors();
    this.vocab = vectors.vocab();
    this.dims = vectors.dims();
    this.cuda = CudaContext.on(device);
    int[] every = new int[vocab];
    for (int t = 0; t < vocab; t++) {
      every[t] = t;
    }
    float[] all = new float[vocab * dims];
    vectors.gather(every, vocab, all);
    squaredNorms = new float[vocab];
    for (int t = 0; t < vocab; t++) {
      squaredNorms[t] = (float) AttentionReach.squaredNorm(all, t, dims);
    }
    try (FloatPointer host = new FloatPointer(all);
         DoublePointer angles = new DoublePointer(new RotaryEncoding(dims, 1).frequencies())) {
      table.upload(host, all.length);
      frequencies.upload(angles, dims / 2);
    }
  }

  public Timings timings() {
    return new Timings(uploadBytes, uploadNanos, kernelNanos, downloadNanos);
  }

  /** Device bytes its buffers hold now (the attention table included). */
  public long deviceBytes() {
    long total = 0;
    for (DeviceArray array : arrays()) {
      total += array.bytes();
    }
    return total;
  }

  private DeviceArray[] arrays() {
    return new DeviceArray[] {table, frequencies, ids, positions, lengths, halves, reaches, shared, rows, maxima, sums,
        weights, sharedReceived, received};
  }

  /** The name of the GPU it runs on. */
  public String deviceName() {
    return cuda.deviceName();
  }

  @Override
  public List<ChunkScores> score(TokenChunk chunk, List<QuestionDna> questions) {
    return scoreAll(List.of(chunk), questions).get(0);
  }

  /** Chunks per trip to the GPU: about 2^20 tokens times questions (2048 chunks of 512 for one question). */
  @Override
  public int batchChunks(int questions) {
    return (int) Math.max(1, BATCH_TOKENS / ((long) Math.max(1, questions) * model.chunkTokens()));
  }

  /** Each chunk's scores for each question, in the orders given, from one trip to the GPU. */
  @Override
  public List<List<ChunkScores>> scoreAll(List<TokenChunk> chunks, List<QuestionDna> questions) {
    cuda.makeCurrent();
    Batch batch = Batch.of(chunks, questions, shortlist, squaredNorms);
    float[] out = attend(batch, questions.size());
    List<List<ChunkScores>> scores = new ArrayList<>(chunks.size());
    for (int c = 0; c < chunks.size(); c++) {
      int n = chunks.get(c).length();
      float[][] receivedByQuestion = new float[questions.size()][n];
      for (int q = 0; q < questions.size(); q++) {
        System.arraycopy(out, (c * questions.size() + q) * batch.stride, receivedByQuestion[q], 0, n);
      }
      scores.add(ChunkScoring.scores(model.options(), batch.inputs[c], receivedByQuestion));
    }
    return scores;
  }

  /** Uploads the batch, runs the kernels, returns the attention received, {@code [chunk][question][stride]}. */
  private float[] attend(Batch batch, int questions) {
    long start = System.nanoTime();
    upload(batch);
    long uploaded = System.nanoTime();
    uploadNanos += uploaded - start;
    runKernels(batch, questions);
    long computed = System.nanoTime();
    kernelNanos += computed - uploaded;
    float[] out = new float[(int) ((long) batch.lengths.length * batch.stride * questions)];
    try (FloatPointer host = new FloatPointer(out.length)) {
      received.download(host, out.length);
      host.get(out);
    }
    downloadNanos += System.nanoTime() - computed;
    return out;
  }

  private void upload(Batch batch) {
    int chunks = batch.lengths.length;
    try (IntPointer hostIds = new IntPointer(batch.ids);
         LongPointer hostPositions = new LongPointer(batch.positions);
         IntPointer hostLengths = new IntPointer(batch.lengths);
         IntPointer hostHalves = new IntPointer(batch.halves);
         IntPointer hostReaches = new IntPointer(batch.reaches);
         IntPointer hostShared = new IntPointer(batch.shared.length == 0 ? new int[] {-1} : batch.shared);
         FloatPointer hostWeights = new FloatPointer(batch.weights)) {
      ids.upload(hostIds, hostIds.limit());
      positions.upload(hostPositions, hostPositions.limit());
      lengths.upload(hostLengths, chunks);
      halves.upload(hostHalves, chunks);
      reaches.upload(hostReaches, chunks);
      shared.upload(hostShared, hostShared.limit());
      weights.upload(hostWeights, hostWeights.limit());
      uploadBytes += hostIds.limit() * 4L + hostPositions.limit() * 8L + hostShared.limit() * 4L
          + hostWeights.limit() * 4L + 12L * chunks;
    }
  }

  /** Rows and RoPE, each query's softmax statistics, shared keys' attention, every key's attention received. */
  private void runKernels(Batch batch, int questions) {
    int chunks = batch.lengths.length;
    long tokens = (long) chunks * batch.stride;
    long sharedSlots = (long) chunks * questions * batch.sharedStride;
    rows.reserve(tokens * dims * Float.BYTES);
    maxima.reserve(tokens * batch.groups * Float.BYTES);
    sums.reserve(tokens * batch.groups * Float.BYTES);
    sharedReceived.reserve(sharedSlots * Float.BYTES);
    received.reserve(tokens * questions * Float.BYTES);
    cuda.launch("rotate_rows", tokens * (dims / 2), device(table), integer(vocab), integer(dims), device(ids),
        device(positions), device(frequencies), integer(chunks), integer(batch.stride), device(rows));
    new AttentionLaunch(rows.address(), dims, chunks, questions, batch.groups, batch.stride, lengths.address(),
        halves.address(), shared.address(), batch.sharedStride, reaches.address(), maxima.address(), sums.address(),
        weights.address(), sharedReceived.address(), received.address()).run(cuda);
  }

  private static Pointer device(DeviceArray array) {
    return address(array.address());
  }

  @Override
  public void close() {
    for (DeviceArray array : arrays()) {
      array.close();
    }
  }
}
