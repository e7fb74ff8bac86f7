package dev.reel.write;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import dev.reel.score.Candidate;

/**
 * reel.png: above, the importance of every kept token along the corpus (x: global position), with marks where the
 * answer's passage or the digest's first passages are; below, how many tokens each DNA gate caught. Drawn with
 * JFreeChart, headless.
 */
public final class ReelPlot {
  private static final int WIDTH = 1400;
  private static final int TOP_HEIGHT = 520;
  private static final int BOTTOM_HEIGHT = 380;

  private ReelPlot() {}

  /** A position along the corpus to mark, with its label. */
  public record Mark(long position, String label) {}

  /** Draws the plot into {@code name} of {@code output}. */
  public static void write(OutputDir output, String name, List<Candidate> buffer, List<Mark> marks, long tokens,
                           Map<String, Long> caughtPerGate, String title) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, TOP_HEIGHT + BOTTOM_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      importance(buffer, marks, tokens, title).draw(g, new Rectangle2D.Double(0, 0, WIDTH, TOP_HEIGHT));
      caught(caughtPerGate).draw(g, new Rectangle2D.Double(0, TOP_HEIGHT, WIDTH, BOTTOM_HEIGHT));
    } finally {
      g.dispose();
    }
    output.write(name, out -> ImageIO.write(image, "png", out));
  }

  private static JFreeChart importance(List<Candidate> buffer, List<Mark> marks, long tokens, String title) {
    XYSeries kept = new XYSeries("kept tokens (" + buffer.size() + ")");
    for (Candidate candidate : buffer) {
      kept.add(candidate.position(), candidate.score());
    }
    JFreeChart chart = ChartFactory.createScatterPlot(title, "position in the corpus (token)", "importance",
        new XYSeriesCollection(kept), PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.getDomainAxis().setRange(0, Math.max(1, tokens));
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    renderer.setSeriesShape(0, new Rectangle2D.Double(-1.5, -1.5, 3, 3));
    renderer.setSeriesPaint(0, new Color(40, 90, 160, 140));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    for (Mark mark : marks) {
      ValueMarker marker = new ValueMarker(mark.position(), new Color(200, 30, 30), new BasicStroke(2f));
      marker.setLabel(mark.label());
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      marker.setLabelPaint(new Color(200, 30, 30));
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(marker);
    }
    return chart;
  }

  private static JFreeChart caught(Map<String, Long> caughtPerGate) {
    DefaultCategoryDataset counts = new DefaultCategoryDataset();
    caughtPerGate.forEach((gate, count) -> counts.addValue(count, "caught", gate));
    JFreeChart chart = ChartFactory.createBarChart("Tokens caught per DNA gate", null, "tokens caught", counts,
        PlotOrientation.VERTICAL, false, false, false);
    chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(60, 140, 90));
    chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    return chart;
  }
}
