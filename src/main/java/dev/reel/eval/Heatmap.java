package dev.reel.eval;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A suite's length x depth heatmap: one cell per run, green when the answer is the top evidence, amber when in the
 * top five, orange when selection kept it but the final pass ranked it lower, red when it was not kept. The cell
 * shows the rank (blank when missed).
 */
final class Heatmap {
  private static final Color TOP = new Color(46, 160, 67);
  private static final Color TOP_FIVE = new Color(230, 190, 40);
  private static final Color KEPT = new Color(240, 130, 40);
  private static final Color MISSED = new Color(200, 40, 40);

  private Heatmap() {}

  static void write(Path file, String title, List<String> lengths, List<Double> depths, List<OutcomeTable.Row> rows)
      throws IOException {
    int n = rows.size();
    double[][] cells = new double[3][n];
    XYPlot plot = new XYPlot();
    for (int i = 0; i < n; i++) {
      OutcomeTable.Row row = rows.get(i);
      cells[0][i] = depths.indexOf(row.depth());
      cells[1][i] = lengths.indexOf(row.length());
      cells[2][i] = row.rank() == 1 ? 3 : row.rank() > 0 && row.rank() <= 5 ? 2 : row.recall() > 0.5 ? 1 : 0;
      XYTextAnnotation label = new XYTextAnnotation(row.rank() > 0 ? Integer.toString(row.rank()) : "",
          cells[0][i], cells[1][i]);
      label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      plot.addAnnotation(label);
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("runs", cells);
    LookupPaintScale scale = new LookupPaintScale(0, 4, Color.LIGHT_GRAY);
    scale.add(0, MISSED);
    scale.add(1, KEPT);
    scale.add(2, TOP_FIVE);
    scale.add(3, TOP);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    plot.setDataset(data);
    plot.setRenderer(renderer);
    plot.setDomainAxis(new SymbolAxis("depth", depths.stream()
        .map(d -> String.format(Locale.ROOT, "%.0f%%", d * 100)).toArray(String[]::new)));
    plot.setRangeAxis(new SymbolAxis("length (tokens)", lengths.toArray(String[]::new)));
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.addSubtitle(new TextTitle("cell: rank of the answer in the evidence; green top 1, amber top 5, "
        + "orange kept but ranked lower, red not kept"));
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 120 + 70 * depths.size(), 160 + 60 * lengths.size());
  }
}
