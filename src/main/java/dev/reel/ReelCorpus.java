package dev.reel;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.TokenFrequencies;

/**
 * A corpus ready for questions ({@link HighlightReel#corpus}): its documents tokenized and placed at global
 * positions, persisted on the executors, and its token frequencies. Closing unpersists it.
 */
public final class ReelCorpus implements AutoCloseable {
  private final PlacedCorpus placed;
  private final TokenFrequencies frequencies;
  private final long rejected;
  private final Dataset<Row> rejects;
  private final Runnable release;

  ReelCorpus(PlacedCorpus placed, TokenFrequencies frequencies, long rejected, Dataset<Row> rejects,
             Runnable release) {
    this.placed = placed;
    this.frequencies = frequencies;
    this.rejected = rejected;
    this.rejects = rejects;
    this.release = release;
  }

  public long tokenCount() {
    return placed.tokenCount();
  }

  /** Documents placed in the corpus. */
  public long documentCount() {
    return placed.documentCount();
  }

  /** Documents refused, each listed in {@link #rejects}: documents given = {@link #documentCount} + this. */
  public long rejectedCount() {
    return rejected;
  }

  /** The refused documents: {@code id} and {@code reason}. */
  public Dataset<Row> rejects() {
    return rejects;
  }

  PlacedCorpus placed() {
    return placed;
  }

  TokenFrequencies frequencies() {
    return frequencies;
  }

  @Override
  public void close() {
    placed.release();
    release.run();
  }
}
