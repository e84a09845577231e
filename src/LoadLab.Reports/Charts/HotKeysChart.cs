using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// The keys the capacity simulator throttled most, by throttle events, across the run's tables.
/// Keys are short hashes: the simulator never reports key values, which may be personal data.
/// </summary>
public static class HotKeysChart
{
    public const int MaxKeys = 10;

    private static readonly Color Bar = new(0xd6, 0x27, 0x28);

    /// <summary>The most throttled keys, "table: hash" with their events; empty without a simulator or throttles.</summary>
    public static IReadOnlyList<(string Label, long Events)> TopKeys(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is null)
            return [];
        return [.. result.Simulator.Resources
            .SelectMany(r => r.TopThrottledKeys.Select(k => (Label: (r.Index is null ? r.Table : r.Table + "/" + r.Index) + ": " + k.KeyHash, Events: k.ThrottleEvents)))
            .Where(k => k.Events > 0)
            .OrderByDescending(k => k.Events)
            .ThenBy(k => k.Label, StringComparer.Ordinal)
            .Take(MaxKeys)];
    }

    public static Chart Create(string id, IReadOnlyList<(string Label, long Events)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        const string title = "Hot keys: most throttled";
        var plot = ChartStyle.NewPlot(title, "throttle events", "table: key hash");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (int i = 0; i < keys.Count; i++)
        {
            // Most throttled at the top.
            double position = keys.Count - 1 - i;
            bars.Add(new Bar { Position = position, Value = keys[i].Events, FillColor = Bar, Label = ReportNumbers.Count(keys[i].Events) });
            ticks.AddMajor(position, keys[i].Label);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = ticks;
        double right = Math.Max(1, keys.Count == 0 ? 1 : keys.Max(k => k.Events) * 1.15);
        plot.Axes.SetLimits(0, right, -0.6, Math.Max(0.6, keys.Count - 0.4));
        return new Chart(id, title, "Throttle events per key as the capacity simulator counted them (keys are hashed); one hot key dominating means a key design problem, not a capacity one.", null, plot);
    }
}
