package dev.reel.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import dev.reel.tokenize.TokenizedDoc;

class ChunkStageTest {
  @Test
  void documentsSplitExactlyAtChunkBorders() {
    int n = 50;
    int[] ids = new int[n];
    TokenizedDoc doc = new TokenizedDoc("s", "s", 0, "", ids, new int[n], new int[n], 3, 12);
    List<Tuple2<Long, ChunkPiece>> pieces = ChunkStage.pieces(doc, 16);
    assertEquals(List.of(12L, 16L, 32L, 48L), pieces.stream().map(Tuple2::_1).toList());
    assertEquals(List.of(4, 16, 16, 14), pieces.stream().map(p -> p._2().ids().length).toList());
  }

  @Test
  void partitionsGrowWithTheCorpusSoNoneHoldsMoreThanItsShare() {
    dev.reel.config.ChunkOptions options = new dev.reel.config.ChunkOptions(512, 1 << 20, 0);
    assertEquals(4, new ChunkStage(options, 1_000_000).defaultPartitions(2), "two per core for a small corpus");
    assertEquals(12, new ChunkStage(options, 12_345_694).defaultPartitions(2), "12.3 M tokens in 1 M-token shares");
    assertEquals(3, new ChunkStage(options, 1_500).defaultPartitions(2), "never more than the chunks");
  }

  @Test
  void partitionerSendsWholeChunksInContiguousRanges() {
    ChunkPartitioner partitioner = new ChunkPartitioner(3, 9, 16);
    assertEquals(0, partitioner.getPartition(0L));
    assertEquals(0, partitioner.getPartition(15L));
    assertEquals(1, partitioner.getPartition(3L * 16));
    assertEquals(2, partitioner.getPartition(8L * 16 + 15));
  }
}
