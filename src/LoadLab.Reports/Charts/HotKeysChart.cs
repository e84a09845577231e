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

    /// <summary>The most throttled partition keys of the measured window, "table: hash" with their events; empty without a simulator or throttles.</summary>
    public static IReadOnlyList<(string Label, long Events)> TopKeys(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. (HotKeys.Scoped(result) ?? []).Select(k => (k.Scope + ": " + k.Key.KeyHash, k.Key.ThrottleEvents)).Take(MaxKeys)];
    }

    /// <param name="topShare">The hottest key's share of its table's throttle events (%), to say whether one key dominates.</param>
    public static Chart Create(string id, IReadOnlyList<(string Label, long Events)> keys, double? topShare = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        const string title = "Hot partition keys: most throttled";
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
        string reading = topShare switch
        {
            >= 50 => $" The hottest key took {ReportNumbers.Number(topShare.Value)} % of its table's throttle events: a hot key, a key design problem rather than a capacity one.",
            { } share => $" The hottest key took only {ReportNumbers.Number(share)} % of its table's throttle events: throttling is spread over many keys, so a table-wide limit (capacity or the on-demand ceiling) is the cause, not a hot key.",
            null => " One key dominating means a key design problem, not a capacity one.",
        };
        return new Chart(id, title, "Throttle events per partition key in the measured window, as the capacity simulator counted them (keys are hashed; the sort key does not spread load, so a tenant's items count as one key)." + reading, null, plot);
    }
}
