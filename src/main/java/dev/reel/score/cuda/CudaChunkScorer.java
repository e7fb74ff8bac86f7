package dev.reel.score.cuda;

import static dev.reel.score.cuda.KernelArgs.address;
import static dev.reel.score.cuda.KernelArgs.integer;
import static dev.reel.score.cuda.KernelArgs.real;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import dev.reel.chunk.TokenChunk;
import dev.reel.config.ImportancePart;
import dev.reel.config.ScoreOptions;
import dev.reel.model.TokenVectors;
import dev.reel.score.AttentionReach;
import dev.reel.score.ChunkPromotion;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ChunkScores;
import dev.reel.score.ChunkScoring;
import dev.reel.score.Promoter;
import dev.reel.score.Promotions;
import dev.reel.score.QuestionDna;
import dev.reel.score.RotaryEncoding;
import dev.reel.score.ScoringModel;

/**
 * The CUDA backend's scorer: a batch of chunks scored and promoted by one kernel ({@code score_chunks} of
 * chunk_scoring.cu), what {@code TorchChunkScorer} and {@link Promoter} compute on the CPU, to float rounding. In go
 * the token ids and each chunk's first position, length and shortlist layout ({@link ChunkLayouts}); out come only the
 * promoted tokens and each gate's catch count. The DNA tables ({@link DnaTables}) and the attention table stay on
 * the device. Copies are queued on the scorer's own stream from pinned memory, so tasks sharing the GPU overlap.
 * Static vectors only. Owns its buffers and stream; closing frees them (the context stays, one per JVM).
 */
public final class CudaChunkScorer implements ChunkScorer {
  /** Tokens per trip: small enough that tasks sharing the GPU interleave, large enough to fill it (512 blocks). */
  private static final long BATCH_TOKENS = 1L << 18;
  private static final int DIMS = ScoringModel.ATTENTION_DIMS;
  private final ScoringModel model;
  private final CudaContext cuda;
  private final CudaStream stream;
  private final ChunkLayouts layouts;
  private final int vocab;
  private final int unknownReach;
  /** The importance parts --ablate keeps: bit 0 gravity, bit 1 attention, bit 2 relevance. */
  private final int parts;
  private final DeviceArray table = new DeviceArray("attention table");
  private final DeviceArray frequencies = new DeviceArray("RoPE frequencies");
  private final DeviceArray reachOf = new DeviceArray("reach per vocabulary entry");
  private final DeviceArray rows = new DeviceArray("rotated rows");
  private final DnaTables dna;
  private final Staged ids = new Staged("token ids");
  private final Staged chunkInfo = new Staged("chunk positions, lengths and layouts");
  private final Staged caught = new Staged("catch counts");
  private final Staged promoted = new Staged("promoted tokens");
  private final Staged received = new Staged("attention received");

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
    TokenVectors vectors = model.attentionVectors();
    if (vectors.dims() != DIMS) {
      throw new IllegalArgumentException("cuda: the kernels are built for " + DIMS + "-dimension attention rows; found "
          + vectors.dims());
    }
    this.model = model;
    this.vocab = vectors.vocab();
    this.cuda = CudaContext.on(device);
    this.layouts = new ChunkLayouts(model.options().alpha());
    this.dna = new DnaTables(vocab);
    this.unknownReach = reach(0);
    ScoreOptions options = model.options();
    this.parts = (options.uses(ImportancePart.GRAVITY) ? 1 : 0) | (options.uses(ImportancePart.ATTENTION) ? 2 : 0)
        | (options.uses(ImportancePart.RELEVANCE) ? 4 : 0);
    int[] every = IntStream.range(0, vocab).toArray();
    float[] all = new float[vocab * DIMS];
    vectors.gather(every, vocab, all);
    // A chunk's reach comes from its largest row norm; reach grows with the norm, so it is the largest token reach.
    int[] reaches = new int[vocab];
    for (int t = 0; t < vocab; t++) {
      reaches[t] = reach(AttentionReach.squaredNorm(all, t, DIMS));
    }
    try (FloatPointer host = new FloatPointer(all);
         DoublePointer angles = new DoublePointer(new RotaryEncoding(DIMS, 1).frequencies());
         IntPointer reachHost = new IntPointer(reaches)) {
      table.upload(host, all.length);
      frequencies.upload(angles, DIMS / 2);
      reachOf.upload(reachHost, vocab);
    }
    this.stream = new CudaStream();
  }

  private static int reach(double squaredNorm) {
    return AttentionReach.of((float) squaredNorm, ScoringModel.ATTENTION_TEMPERATURE, ScoringModel.LOCALITY_TOKENS);
  }

  public Timings timings() {
    return new Timings(uploadBytes, uploadNanos, kernelNanos, downloadNanos);
  }

  /** Device bytes its buffers hold now (the attention and DNA tables included). */
  public long deviceBytes() {
    long total = dna.deviceBytes();
    for (DeviceArray array : new DeviceArray[] {table, frequencies, reachOf, rows}) {
      total += array.bytes();
    }
    for (Staged staged : staged()) {
      total += staged.device.bytes();
    }
    return total;
  }

  private Staged[] staged() {
    return new Staged[] {ids, chunkInfo, caught, promoted, received};
  }

  /** The name of the GPU it runs on. */
  public String deviceName() {
    return cuda.deviceName();
  }

  /** Chunks per trip to the GPU: about 2^18 tokens times questions (512 chunks of 512 for one question). */
  @Override
  public int batchChunks(int questions) {
    return (int) Math.max(1, BATCH_TOKENS / ((long) Math.max(1, questions) * model.chunkTokens()));
  }

  @Override
  public List<ChunkScores> score(TokenChunk chunk, List<QuestionDna> questions) {
    return scoreAll(List.of(chunk), questions).get(0);
  }

  /** Each chunk's every score for each question: the kernel's attention received, the rest on the host. */
  @Override
  public List<List<ChunkScores>> scoreAll(List<TokenChunk> chunks, List<QuestionDna> questions) {
    ScoreOptions options = model.options();
    KernelOutputs run = run(chunks, questions, options.topP(), options.chunkBudget(), true);
    List<List<ChunkScores>> scores = new ArrayList<>(chunks.size());
    for (int c = 0; c < chunks.size(); c++) {
      int n = chunks.get(c).length();
      float[][] receivedByQuestion = new float[questions.size()][n];
      for (int q = 0; q < questions.size(); q++) {
        System.arraycopy(run.received(), (c * questions.size() + q) * run.stride(), receivedByQuestion[q], 0, n);
      }
      scores.add(ChunkScoring.scores(options, ChunkScoring.inputs(chunks.get(c), questions), receivedByQuestion));
    }
    return scores;
  }

  /** Scores and promotes on the device; only the promoted tokens come back. */
  @Override
  public Promotions promoteAll(List<TokenChunk> chunks, List<QuestionDna> questions, Promoter promoter) {
    KernelOutputs run = run(chunks, questions, promoter.topP(), promoter.budget(), false);
    int asked = questions.size();
    List<List<ChunkPromotion>> promotions = new ArrayList<>(chunks.size());
    for (int c = 0; c < chunks.size(); c++) {
      List<ChunkPromotion> perQuestion = new ArrayList<>(asked);
      for (int q = 0; q < asked; q++) {
        perQuestion.add(run.promotion(chunks.get(c), c * asked + q, dna.looked(q)));
      }
      promotions.add(perQuestion);
    }
    long[][] caughtPerGate = new long[asked][];
    for (int q = 0; q < asked; q++) {
      caughtPerGate[q] = new long[questions.get(q).gates().count()];
      for (int g = 0; g < caughtPerGate[q].length; g++) {
        caughtPerGate[q][g] = run.caught()[q * dna.gates() + g];
      }
    }
    return new Promotions(promotions, caughtPerGate);
  }

  /** One batch through score_chunks: pack and send, run, bring back what it wrote. */
  private KernelOutputs run(List<TokenChunk> chunks, List<QuestionDna> questions, double topP, int budget,
                            boolean keepReceived) {
    cuda.makeCurrent();
    dna.use(questions);
    int asked = questions.size();
    long blocks = (long) chunks.size() * asked;
    long start = System.nanoTime();
    ChunkLayouts.Packed packed = layouts.pack(chunks, ids, chunkInfo);
    ids.upload(packed.idBytes(), stream);
    chunkInfo.upload(packed.infoBytes(), stream);
    caught.device.zeroAsync((long) asked * dna.gates(), stream);
    stream.synchronize();
    long uploaded = System.nanoTime();
    uploadNanos += uploaded - start;
    uploadBytes += packed.idBytes() + packed.infoBytes();

    launch(packed, asked, blocks, topP, budget, keepReceived);
    stream.synchronize();
    long computed = System.nanoTime();
    kernelNanos += computed - uploaded;

    int stride = packed.stride();
    promoted.download(promotedBytes(blocks, budget), stream);
    caught.download((long) asked * dna.gates() * Integer.BYTES, stream);
    if (keepReceived) {
      received.download(blocks * stride * Float.BYTES, stream);
    }
    stream.synchronize();
    KernelOutputs outputs = new KernelOutputs(stride, budget, (int) blocks, promoted.host, caught.host,
        asked * dna.gates(), keepReceived ? received.host : null);
    downloadNanos += System.nanoTime() - computed;
    return outputs;
  }

  /** Queues score_chunks over the packed batch; outputs as {@link KernelOutputs} reads them. */
  private void launch(ChunkLayouts.Packed packed, int asked, long blocks, double topP, int budget,
                      boolean keepReceived) {
    int stride = packed.stride();
    int sharedBytes = sharedBytes(stride, true);
    long globalRows = 0;
    if (sharedBytes > cuda.sharedBytesPerBlock()) {
      sharedBytes = sharedBytes(stride, false);
      if (sharedBytes > cuda.sharedBytesPerBlock()) {
        throw new IllegalArgumentException("cuda: chunks of " + stride + " tokens need " + sharedBytes + " bytes of"
            + " shared memory a block, more than this GPU's " + cuda.sharedBytesPerBlock() + "; use a smaller"
            + " --chunk-tokens, or --backend cpu");
      }
      globalRows = rows.reserve(blocks * CudaContext.ROW_STRIDE * stride * Float.BYTES).address();
    }
    long slots = blocks * budget;
    long countsAt = promoted.device.reserve(promotedBytes(blocks, budget)).address();
    long indexAt = countsAt + blocks * Integer.BYTES;
    long importanceAt = indexAt + slots * Integer.BYTES;
    long attentionAt = importanceAt + slots * Float.BYTES;
    long receivedAt = keepReceived ? received.device.reserve(blocks * stride * Float.BYTES).address() : 0;
    long info = chunkInfo.address();
    cuda.launch("score_chunks", blocks, CudaContext.SCORE_THREADS, sharedBytes, stream,
        at(table), integer(vocab), at(frequencies), at(reachOf), integer(unknownReach),
        address(dna.gravity()), address(dna.relevance()), address(dna.information()), address(dna.gate()),
        address(dna.informed()), integer(dna.gates()), address(ids.address()), address(info + packed.firstsAt()),
        address(info + packed.lengthsAt()), address(info + packed.layoutsAt()), integer(asked), integer(stride),
        address(globalRows), real(ScoringModel.ATTENTION_TEMPERATURE), real(ScoringModel.LOCALITY_TOKENS),
        real(ScoringModel.BASE_QUERY_WEIGHT), integer(parts), new DoublePointer(new double[] {topP}),
        integer(budget), integer(Promoter.FLOOR), address(caught.address()), address(countsAt), address(indexAt),
        address(importanceAt), address(attentionAt), address(receivedAt));
  }

  /** The promoted tokens' output: a count per block, then index, importance and attention in budget slots each. */
  private static long promotedBytes(long blocks, int budget) {
    return blocks * Integer.BYTES + 3 * blocks * budget * Float.BYTES;
  }

  /** Dynamic shared memory of one block: the rows when they are held there, the per-token arrays, the histogram. */
  private int sharedBytes(int stride, boolean withRows) {
    long bytes = (withRows ? (long) CudaContext.ROW_STRIDE * stride * Float.BYTES : 0)
        + (long) CudaContext.TOKEN_ARRAYS * stride * Float.BYTES + (long) dna.gates() * Integer.BYTES;
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  private static Pointer at(DeviceArray array) {
    return address(array.address());
  }

  @Override
  public void close() {
    try {
      for (Staged buffer : staged()) {
        buffer.close();
      }
      for (DeviceArray array : new DeviceArray[] {table, frequencies, reachOf, rows}) {
        array.close();
      }
      dna.close();
    } finally {
      stream.close();
    }
  }
}
