package io.redisarrow.benchmarks;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PNG charts of result tables, drawn by JFreeChart: lines of a measure against a setting (one
 * series per scenario, dashed for reference lines such as "linear" or a claimed figure) and
 * grouped bars.
 */
final class Charts {

    static final int WIDTH = 900;

    static final int HEIGHT = 520;

    private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf) };

    private Charts() {
    }

    /** A line: points (x, y) in order; a reference line is drawn dashed and grey. */
    record Line(String name, List<double[]> points, boolean reference) {

        static Line of(String name, List<double[]> points) {
            return new Line(name, points, false);
        }

        static Line reference(String name, List<double[]> points) {
            return new Line(name, points, true);
        }
    }

    /**
     * Writes a line chart.
     *
     * @param file the PNG
     * @param title the chart's title
     * @param xLabel the x axis
     * @param yLabel the y axis
     * @param logX whether the x axis is logarithmic (base 10)
     * @param lines the series
     * @throws IOException when writing fails
     */
    static void lines(Path file, String title, String xLabel, String yLabel, boolean logX, List<Line> lines)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.name(), false, true);
            for (double[] point : line.points()) {
                if (!Double.isNaN(point[1])) {
                    series.add(point[0], point[1]);
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        if (logX) {
            LogAxis axis = new LogAxis(xLabel);
            axis.setBase(10);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
            plot.setDomainAxis(axis);
        } else {
            ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int color = 0;
        int reference = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).reference()) {
                renderer.setSeriesPaint(i, reference % 2 == 0 ? Color.GRAY : Color.BLACK);
                renderer.setSeriesShapesVisible(i, false);
                renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        reference++ % 2 == 0 ? new float[] { 8f, 5f } : new float[] { 2f, 4f }, 0f));
            } else {
                renderer.setSeriesPaint(i, COLORS[color++ % COLORS.length]);
                renderer.setSeriesStroke(i, new BasicStroke(2.2f));
            }
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /**
     * Writes a bar chart: one group per category, one bar per series.
     *
     * @param file the PNG
     * @param title the chart's title
     * @param yLabel the value axis
     * @param horizontal whether bars run left to right (for long category names)
     * @param logValues whether the value axis is logarithmic (for values across orders of magnitude)
     * @param values series name to (category to value), in drawing order
     * @throws IOException when writing fails
     */
    static void bars(Path file, String title, String yLabel, boolean horizontal, boolean logValues,
            Map<String, LinkedHashMap<String, Double>> values) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((series, byCategory) -> byCategory.forEach((category, value) -> {
            data.addValue(value == null || value.isNaN() ? null : value, series, category);
        }));
        JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, values.size() > 1, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        if (logValues) {
            logValueAxis(plot, yLabel, values);
        }
        for (int i = 0; i < values.size(); i++) {
            plot.getRenderer().setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /**
     * A base-10 log value axis from a power of ten below the smallest positive value (so the
     * smallest bar still shows) to just above the largest; bars start at that floor. Without a
     * positive value the linear axis stays.
     */
    private static void logValueAxis(CategoryPlot plot, String label, Map<String, LinkedHashMap<String, Double>> values) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Map<String, Double> byCategory : values.values()) {
            for (Double value : byCategory.values()) {
                if (value != null && value > 0) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (max == 0) {
            return;
        }
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        double floor = Math.pow(10, Math.floor(Math.log10(min / 2)));
        axis.setRange(floor, Math.pow(10, Math.ceil(Math.log10(max)) + 0.2));
        plot.setRangeAxis(axis);
        ((BarRenderer) plot.getRenderer()).setBase(floor);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
    }
}
