package dev.reel.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlphaShortlistTest {
  @Test
  void alphaOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AlphaShortlist(1.5, 64));
  }

  @Test
  void alphaZeroIsDenseAndAlphaOneIsTheBaseShortlist() {
    assertEquals(4095, new AlphaShortlist(0, 64).keys(4096));
    assertTrue(new AlphaShortlist(0, 64).isDense(4096));
    assertEquals(64, new AlphaShortlist(1, 64).keys(4096));
    assertEquals(64, new AlphaShortlist(1, 64).keys(16384));
  }

  @Test
  void shortlistFollowsCToTheOneMinusAlpha() {
    AlphaShortlist shortlist = new AlphaShortlist(0.3, 64);
    double expected = Math.pow(16384, 0.7) * Math.pow(64, 0.3);
    assertEquals(Math.round(expected), shortlist.keys(16384));
    assertFalse(shortlist.isDense(16384));
  }

  @Test
  void sharedKeysAreTheStrongestWellsAndStridedAnchorsInOrder() {
    AlphaShortlist shortlist = new AlphaShortlist(1, 64);
    float[] gravity = new float[1024];
    gravity[700] = 5;
    gravity[3] = 4;
    int[] shared = shortlist.sharedKeys(1024, gravity);
    assertEquals(64 - 2 * shortlist.halfWindow(1024), shared.length);
    assertTrue(java.util.Arrays.stream(shared).anyMatch(k -> k == 700));
    assertTrue(java.util.Arrays.stream(shared).anyMatch(k -> k == 3));
    int[] sorted = shared.clone();
    java.util.Arrays.sort(sorted);
    assertArrayEquals(sorted, shared);
  }
}
