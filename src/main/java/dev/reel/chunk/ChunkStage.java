package dev.reel.chunk;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;
import dev.reel.config.ChunkOptions;
import dev.reel.tokenize.TokenizedDoc;

/**
 * Chunk: cuts the positioned corpus into chunks of {@code chunkTokens} consecutive positions, sends each chunk whole
 * to one partition, and hands every partition its chunks through an Arrow store that spills past its byte limit.
 */
public final class ChunkStage implements Serializable {
  /** One allocator per executor JVM; each partition's store takes a named child of it. */
  private static final BufferAllocator ROOT = new RootAllocator(Long.MAX_VALUE);
  /** Most tokens a partition takes when the partition count is left to the job: about 20 MiB of chunk columns. */
  static final long TOKENS_PER_PARTITION = 1L << 20;

  private final ChunkOptions options;
  private final long totalTokens;

  public ChunkStage(ChunkOptions options, long totalTokens) {
    this.options = options;
    this.totalTokens = totalTokens;
  }

  /** What a partition does with its chunks; called once per partition with its store open. */
  public interface ChunkConsumer<T> extends Serializable {
    T accept(Iterator<TokenChunk> chunks, ChunkStoreStats stats) throws Exception;
  }

  public long chunkCount() {
    return (totalTokens + options.chunkTokens() - 1) / options.chunkTokens();
  }

  /**
   * Partitions when --partitions leaves it open: two per core, and more as the corpus grows so that no partition
   * holds more than {@link #TOKENS_PER_PARTITION} tokens (a task's chunk store and sort stay the same size whatever the
   * corpus); never more than there are chunks.
   */
  public int defaultPartitions(int parallelism) {
    long bySize = (totalTokens + TOKENS_PER_PARTITION - 1) / TOKENS_PER_PARTITION;
    return (int) Math.max(1, Math.min(chunkCount(), Math.max(2L * parallelism, bySize)));
  }

  /** Runs {@code consumer} once per partition over that partition's chunks; returns one result per partition. */
  public <T> JavaRDD<T> mapChunks(JavaRDD<TokenizedDoc> documents, int partitions, ChunkConsumer<T> consumer) {
    int chunkTokens = options.chunkTokens();
    long total = totalTokens;
    long storeBytes = options.storeBytes();
    JavaPairRDD<Long, ChunkPiece> pieces = documents
        .flatMapToPair(doc -> pieces(doc, chunkTokens).iterator())
        .repartitionAndSortWithinPartitions(new ChunkPartitioner(partitions, chunkCount(), chunkTokens));
    return pieces.mapPartitionsWithIndex((partition, partitionPieces) -> {
      long start = System.nanoTime();
      Path spill = spillFile();
      BufferAllocator allocator = ROOT.newChildAllocator("chunk-p" + partition, 0, Long.MAX_VALUE);
      try (ArrowChunkStore store = new ArrowChunkStore(allocator, storeBytes, spill, chunkTokens)) {
        long tokens = 0;
        for (Iterator<TokenChunk> it = new ChunkAssembler(partitionPieces, chunkTokens, total); it.hasNext(); ) {
          TokenChunk chunk = it.next();
          tokens += chunk.length();
          store.add(chunk);
        }
        ChunkStoreStats stats = new ChunkStoreStats(store.chunkCount(), tokens, store.spilledBytes(),
            store.peakMemoryBytes(), System.nanoTime() - start);
        return List.of(consumer.accept(store.chunks(), stats)).iterator();
      }
    }, false);
  }

  /**
   * A fresh file under the executor's own scratch directories (spark.local.dir, YARN's or Kubernetes' local dirs),
   * where Spark's own sorters spill; removed with the executor if a task dies before its store closes.
   */
  private static Path spillFile() {
    return SparkEnv.get().blockManager().diskBlockManager().createTempLocalBlock()._2().toPath();
  }

  /** Splits a document at chunk borders; keys are the global position of each piece's first token. */
  static List<Tuple2<Long, ChunkPiece>> pieces(TokenizedDoc doc, int chunkTokens) {
    List<Tuple2<Long, ChunkPiece>> pieces = new ArrayList<>();
    int n = doc.tokenCount();
    int from = 0;
    while (from < n) {
      long position = doc.basePosition() + from;
      int to = (int) Math.min(n, from + (chunkTokens - position % chunkTokens));
      pieces.add(new Tuple2<>(position, new ChunkPiece(position, doc.docIndex(),
          Arrays.copyOfRange(doc.ids(), from, to), Arrays.copyOfRange(doc.charStart(), from, to),
          Arrays.copyOfRange(doc.charEnd(), from, to))));
      from = to;
    }
    return pieces;
  }
}
