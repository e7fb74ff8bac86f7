package dev.reel.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The visible text of an HTML page: title, then body text with one line per block element. */
final class HtmlExtractor {
  private HtmlExtractor() {}

  static String visibleText(String html) {
    Document page = Jsoup.parse(html);
    page.select("script, style, noscript, template, svg, head > *:not(title)").remove();
    StringBuilder text = new StringBuilder();
    String title = page.title();
    if (!title.isBlank()) {
      text.append(title.strip()).append("\n\n");
    }
    NodeTraversor.traverse(new BlockTextVisitor(text), page.body());
    return text.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n[ \n]*", "\n").strip();
  }

  /** Appends text nodes, and a line break around block elements so sentences and lines survive. */
  private static final class BlockTextVisitor implements NodeVisitor {
    private final StringBuilder out;

    BlockTextVisitor(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        out.append(textNode.text());
      } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
        out.append('\n');
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && element.isBlock()) {
        out.append('\n');
      }
    }
  }
}
