package dev.reel.score;

import java.util.List;

/**
 * What a batch of chunks promoted: per chunk and question (in the orders given), and per question how many of the
 * batch's tokens each DNA gate caught.
 *
 * @param chunks        {@code chunks.get(c).get(q)}: chunk c's promotion for question q
 * @param caughtPerGate {@code caughtPerGate[q][g]}: the batch's tokens gate g of question q caught
 */
public record Promotions(List<List<ChunkPromotion>> chunks, long[][] caughtPerGate) {}
