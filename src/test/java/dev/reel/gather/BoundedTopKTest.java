package dev.reel.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import dev.reel.score.Candidate;

class BoundedTopKTest {
  @Test
  void capacityMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new BoundedTopK(0));
  }

  @Test
  void keepsTheBestAndBreaksTiesByPosition() {
    BoundedTopK top = new BoundedTopK(3);
    for (Candidate c : List.of(candidate(5, 1f), candidate(1, 2f), candidate(9, 2f), candidate(3, 2f),
        candidate(4, 0.5f))) {
      top.offer(c);
    }
    assertEquals(List.of(1L, 3L, 9L), top.best().stream().map(Candidate::position).toList());
  }

  @Test
  void keepsSaysWhatOfferWouldDo() {
    Random random = new Random(11);
    BoundedTopK top = new BoundedTopK(50);
    for (int i = 0; i < 3000; i++) {
      Candidate next = candidate(random.nextInt(5000), random.nextInt(40) / 4f); // many ties on score
      List<Long> before = top.best().stream().map(Candidate::position).toList();
      boolean keeps = top.keeps(next.score(), next.position());
      top.offer(next);
      boolean kept = top.best().contains(next) && (top.size() > before.size() || !before.equals(
          top.best().stream().map(Candidate::position).toList()));
      assertEquals(kept, keeps, "candidate " + i + " at " + next.position() + " scoring " + next.score());
    }
  }

  @Test
  void mergingInAnyOrderGivesTheSameResult() {
    Random random = new Random(3);
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      all.add(candidate(i, random.nextInt(50)));
    }
    List<Long> expected = null;
    for (int trial = 0; trial < 5; trial++) {
      Collections.shuffle(all, random);
      List<BoundedTopK> parts = new ArrayList<>();
      for (int p = 0; p < 7; p++) {
        parts.add(new BoundedTopK(100));
      }
      for (int i = 0; i < all.size(); i++) {
        parts.get(i % 7).offer(all.get(i));
      }
      Collections.shuffle(parts, random);
      BoundedTopK merged = parts.get(0);
      for (int p = 1; p < parts.size(); p++) {
        merged = merged.merge(parts.get(p));
      }
      List<Long> positions = merged.best().stream().map(Candidate::position).toList();
      if (expected == null) {
        expected = positions;
      }
      assertEquals(expected, positions);
    }
    assertEquals(100, expected.size());
  }

  private static Candidate candidate(long position, float score) {
    return new Candidate(position, score, 0, 0, 0, 0, -1, 0, 0, 0);
  }
}
