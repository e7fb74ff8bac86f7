package dev.reel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Main content only, on real pages of three documentation generators and on a page that marks none. */
class HtmlExtractorTest {
  private static String page(String path) throws IOException {
    return HtmlExtractor.visibleText(Files.readString(Path.of(path), StandardCharsets.UTF_8));
  }

  private static void assertNone(String text, List<String> furniture) {
    for (String piece : furniture) {
      assertFalse(text.contains(piece), () -> "navigation text \"" + piece + "\" left in the page's text");
    }
  }

  @Test
  void sphinxClassicThemeKeepsTheBodyAndDropsSidebarRelatedAndFooter() throws IOException {
    String text = page("data-samples/html/classes.html");
    assertTrue(text.startsWith("9. Classes"), text.substring(0, 80));
    assertTrue(text.contains("Classes provide a means of bundling data and functionality together."));
    assertNone(text, List.of("Table of Contents", "Previous topic", "Next topic", "This Page", "Show Source",
        "Navigation", "modules |", "© Copyright", "¶"));
  }

  @Test
  void sphinxReadTheDocsThemeKeepsTheArticleOnly() throws IOException {
    String text = page("src/test/resources/html/kernel-admin-guide-device-mapper-cache.html");
    assertTrue(text.contains("The cache has three operating modes: writeback, writethrough and passthrough."));
    assertNone(text, List.of("The Linux Kernel 6.1", "View page source", "Previous Next", "© Copyright",
        "Built with Sphinx", "¶"));
  }

  @Test
  void javadocKeepsTheMainElementAndDropsItsNavigationBars() throws IOException {
    String text = page("src/test/resources/html/javadoc-evidence.html");
    assertTrue(text.contains("A passage of the reel"), text);
    assertNone(text, List.of("Skip navigation links", "Package Class Tree", "Help", "SEARCH"));
  }

  @Test
  void pageWithoutMarkedMainContentDropsNavHeaderFooterAndAside() {
    String text = HtmlExtractor.visibleText("<html><head><title>T</title></head><body><header>Site menu</header>"
        + "<nav>Home | About</nav><div><p>First paragraph.</p><p>Second paragraph.</p></div><aside>Related</aside>"
        + "<footer>Copyright</footer></body></html>");
    assertEquals("T\n\nFirst paragraph.\n\nSecond paragraph.", text);
  }

  @Test
  void blocksBecomeParagraphsAndPreKeepsItsLines() {
    String text = HtmlExtractor.visibleText("<body><main><h1>Title</h1><ul><li>one</li><li>two</li></ul>"
        + "<pre>line 1\nline 2</pre><p>a<br>b</p></main></body>");
    assertEquals("Title\n\none\n\ntwo\n\nline 1\nline 2\n\na\nb", text);
  }
}
