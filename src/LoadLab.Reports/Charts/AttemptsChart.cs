using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// HTTP attempts per completed call for every operation: 1.0 means the SDK never retried; the
/// part above 1 is retries (throttles, 5xx, timeouts) that the caller paid for in latency.
/// </summary>
public static class AttemptsChart
{
    public static Chart Create(string id, RunResult result, OperationPalette palette)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(palette);
        const string title = "Attempts per call";
        var plot = ChartStyle.NewPlot(title, "scenario/operation", "HTTP attempts per completed call");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int position = 0;
        var bars = new List<Bar>();
        foreach (var s in result.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                double value = OperationFigures.AttemptsPerCall(op);
                bars.Add(new Bar
                {
                    Position = position,
                    Value = value,
                    FillColor = palette[op.Name],
                    Label = ReportNumbers.Number(value),
                });
                ticks.AddMajor(position, OperationFigures.Key(s, op));
                position++;
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickGenerator = ticks;
        var one = plot.Add.HorizontalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        one.LegendText = "1 = no retries";
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        double top = Math.Max(1.2, bars.Count == 0 ? 1 : bars.Max(b => b.Value) * 1.15);
        plot.Axes.SetLimits(-0.6, Math.Max(0.6, position - 0.4), 0, top);
        return new Chart(id, title, "Attempts include the SDK's retries; throttled attempts that a retry recovered from still count.", null, plot);
    }
}
