package dev.reel.score;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.reel.chunk.ChunkStoreStats;
import dev.reel.gather.BoundedTopK;

/**
 * What one partition (or, after merging, the whole corpus) produced: the best candidates within the buffer's
 * capacity, and counters. Merging is associative and commutative, as treeReduce requires.
 */
public final class ScoreSummary implements Serializable, Promoter.Sink {
  private BoundedTopK top;
  private long chunks;
  private long tokens;
  private long promoted;
  private long caught;
  private long[] caughtPerGate;
  private long spillBytes;
  private long peakStoreBytes;
  private long chunkNanos;
  private long scoreNanos;
  /** The backends that scored (sorted, '+' between), "java" under seed-l2; and why not the one asked for, or null. */
  private String backend;
  private String fallback;
  /** Executor id to the GPU addresses its scoring tasks held (Spark's "gpu" resource); empty where none did. */
  private TreeMap<String, TreeSet<String>> taskGpus = new TreeMap<>();

  ScoreSummary(int capacity, int gates, ChunkStoreStats store, ComputeBackends.Chosen chosen, Optional<TaskGpu> gpu) {
    this.backend = chosen == null ? "java" : chosen.backend().name();
    this.fallback = chosen == null ? null : chosen.fallback();
    gpu.ifPresent(held -> taskGpus.put(held.executor(), new TreeSet<>(held.addresses())));
    this.top = new BoundedTopK(capacity);
    this.caughtPerGate = new long[gates];
    this.chunks = store.chunks();
    this.tokens = store.tokens();
    this.spillBytes = store.spillBytes();
    this.peakStoreBytes = store.peakBytes();
    this.chunkNanos = store.buildNanos();
  }

  /** Adds the tokens each gate caught ({@code perGate[g]}: gate g's). */
  void countCaught(long[] perGate) {
    for (int g = 0; g < perGate.length; g++) {
      caught += perGate[g];
      caughtPerGate[g] += perGate[g];
    }
  }

  void countPromoted(int count) {
    promoted += count;
  }

  @Override
  public boolean keeps(float score, long position) {
    return top.keeps(score, position);
  }

  @Override
  public void offer(Candidate candidate) {
    top.offer(candidate);
  }

  void addScoreNanos(long nanos) {
    scoreNanos += nanos;
  }

  public ScoreSummary merge(ScoreSummary other) {
    top = top.merge(other.top);
    chunks += other.chunks;
    tokens += other.tokens;
    promoted += other.promoted;
    caught += other.caught;
    for (int g = 0; g < caughtPerGate.length; g++) {
      caughtPerGate[g] += other.caughtPerGate[g];
    }
    spillBytes += other.spillBytes;
    peakStoreBytes = Math.max(peakStoreBytes, other.peakStoreBytes);
    chunkNanos += other.chunkNanos;
    scoreNanos += other.scoreNanos;
    backend = Stream.of(backend.split("\\+"), other.backend.split("\\+")).flatMap(Arrays::stream).distinct()
        .sorted().collect(Collectors.joining("+"));
    fallback = fallback != null ? fallback : other.fallback;
    other.taskGpus.forEach((executor, addresses) ->
        taskGpus.computeIfAbsent(executor, e -> new TreeSet<>()).addAll(addresses));
    return this;
  }

  public BoundedTopK top() {
    return top;
  }

  public long chunks() {
    return chunks;
  }

  public long tokens() {
    return tokens;
  }

  public long promoted() {
    return promoted;
  }

  public long caught() {
    return caught;
  }

  public long[] caughtPerGate() {
    return caughtPerGate.clone();
  }

  public long spillBytes() {
    return spillBytes;
  }

  public long peakStoreBytes() {
    return peakStoreBytes;
  }

  /** The backends that scored: "cpu", "cuda", "cpu+cuda" when executors differed, "java" under --rule seed-l2. */
  public String backend() {
    return backend;
  }

  /** Why an executor ran on another backend than --backend asked for, or null. */
  public String fallback() {
    return fallback;
  }

  /** Executor id to the GPU addresses its scoring tasks held, sorted; empty where no task held a GPU. */
  public Map<String, List<String>> taskGpus() {
    Map<String, List<String>> copy = new TreeMap<>();
    taskGpus.forEach((executor, addresses) -> copy.put(executor, List.copyOf(addresses)));
    return copy;
  }

  /** Task time spent assembling and storing chunks, summed over partitions. */
  public long chunkNanos() {
    return chunkNanos;
  }

  /** Task time spent scoring and promoting, summed over partitions. */
  public long scoreNanos() {
    return scoreNanos;
  }
}
