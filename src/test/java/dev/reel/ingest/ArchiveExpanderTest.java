package dev.reel.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveExpanderTest {
  @ParameterizedTest
  @ValueSource(strings = {"../evil.txt", "a/../../evil.txt", "/etc/passwd", "..\\..\\evil.txt", "C:\\win.ini", ".."})
  void namesClimbingOutOfTheRootEscape(String name) {
    assertTrue(ArchiveExpander.escapesRoot(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.txt", "dir/b.html", "dir/../c.txt", "./d.md", "x..y.txt"})
  void namesInsideTheRootStay(String name) {
    assertFalse(ArchiveExpander.escapesRoot(name), name);
  }
}
