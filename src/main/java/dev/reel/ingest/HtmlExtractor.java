package dev.reel.ingest;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of an HTML page: its title, then its main content only, one paragraph per block element.
 * Navigation, sidebars, headers and footers are the same on every page of a site: kept, they fill the reel with the
 * site's menu and make every page look alike to a question ("Table of Contents", "Next topic", "Show Source").
 */
final class HtmlExtractor {
  /**
   * Where documentation generators put a page's own text, most specific first: Sphinx's Read the Docs theme
   * ({@code itemprop=articleBody}), MkDocs Material ({@code article.md-content__inner}), Sphinx's classic theme,
   * MkDocs and Javadoc 9+ ({@code role=main}, {@code main}), Javadoc 8 ({@code div.contentContainer}), then the
   * common shapes of other sites.
   */
  static final List<String> MAIN_CONTENT = List.of("[itemprop=articleBody]", "article.md-content__inner",
      "div.body[role=main]", "[role=main]", "main", "div.contentContainer", "article", "#content", "#main-content");
  /**
   * Page furniture, dropped inside the main content too (a Javadoc page's navigation bar, Sphinx's "¶" permalinks),
   * and from the whole body when no main content is found.
   */
  static final String FURNITURE = String.join(", ", "nav", "aside", "footer", "[role=navigation]", "[role=search]",
      "[role=banner]", "[role=contentinfo]", ".sphinxsidebar", ".related", ".headerlink", ".wy-nav-side",
      ".wy-breadcrumbs", ".rst-footer-buttons", ".md-sidebar", ".md-header", ".md-footer", ".md-nav", ".topNav",
      ".bottomNav", ".subNav", ".skipNav", ".navbar", ".breadcrumb", ".sidebar", ".toc", "#toc", "#sidebar");
  /** Page furniture that only counts outside the main content: an HTML5 article's {@code header} holds its title. */
  private static final String OUTER_FURNITURE = "body > header, .header-bar, #header, #footer";

  private HtmlExtractor() {}

  static String visibleText(String html) {
    Document page = Jsoup.parse(html);
    page.select("script, style, noscript, template, svg, form, button, head > *:not(title)").remove();
    StringBuilder text = new StringBuilder();
    String title = page.title();
    if (!title.isBlank()) {
      text.append(title.strip()).append("\n\n");
    }
    NodeTraversor.traverse(new BlockTextVisitor(text), mainContent(page));
    return text.toString().replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").replaceAll(" ?\n ?", "\n")
        .replaceAll("\n{3,}", "\n\n").strip();
  }

  /** The page's main content without its furniture; the whole body without furniture when none is marked. */
  static Element mainContent(Document page) {
    for (String selector : MAIN_CONTENT) {
      Element main = page.selectFirst(selector);
      if (main != null && main.hasText()) {
        main.select(FURNITURE).remove();
        if (main.hasText()) {
          return main;
        }
      }
    }
    Element body = page.body();
    body.select(FURNITURE).remove();
    body.select(OUTER_FURNITURE).remove();
    return body;
  }

  /**
   * Appends text nodes, a blank line around block elements (so a passage never runs from one paragraph, list item
   * or table cell into the next) and a line break for {@code br}; a {@code pre} block keeps its own line breaks.
   */
  private static final class BlockTextVisitor implements NodeVisitor {
    private final StringBuilder out;

    BlockTextVisitor(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        out.append(insidePre(textNode) ? textNode.getWholeText() : textNode.text());
      } else if (node instanceof Element element && element.nameIs("br")) {
        out.append('\n');
      } else if (node instanceof Element element && element.isBlock()) {
        out.append("\n\n");
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && element.isBlock()) {
        out.append("\n\n");
      }
    }

    private static boolean insidePre(TextNode node) {
      for (Element parent = node.parent(); parent != null; parent = parent.parent()) {
        if (parent.nameIs("pre")) {
          return true;
        }
      }
      return false;
    }
  }
}
