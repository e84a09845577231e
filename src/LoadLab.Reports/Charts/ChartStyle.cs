using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>Look shared by every chart: size, font, title and axis labels, legend placement.</summary>
internal static class ChartStyle
{
    public const int Width = 1000;
    public const int Height = 420;

    /// <summary>
    /// A limit line (provisioned units, a latency budget) is drawn only up to this many times the data's peak: further
    /// up it would squash the data against the axis, so the caption names it instead.
    /// </summary>
    public const double LimitWithinReach = 4;

    // ScottPlot's own default on Linux is a serif face; a sans face reads better on screen.
    private static readonly string? SansFont = new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI" }
        .FirstOrDefault(name => string.Equals(Fonts.GetTypeface(name, false, false)?.FamilyName, name, StringComparison.OrdinalIgnoreCase));

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (SansFont is not null)
            plot.Font.Set(SansFont);
        plot.Title(title, 16);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Legend.FontSize = 11;
        return plot;
    }

    /// <summary>Legend at the top left, inside the data area, where latency curves rarely are.</summary>
    public static void ShowLegend(Plot plot, Alignment alignment = Alignment.UpperLeft)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = alignment;
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
    }

    /// <summary>
    /// Latency, counts and rates start at zero: a floating minimum exaggerates small changes.
    /// Autoscales first so the top follows the data; set fixed x ranges after this call.
    /// </summary>
    public static void FromZero(Plot plot)
    {
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        double top = double.IsFinite(limits.Top) && limits.Top > 0 ? limits.Top : 1;
        plot.Axes.SetLimitsY(0, top);
    }
}
