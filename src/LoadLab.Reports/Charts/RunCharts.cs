using System.Text;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>
/// The charts of one run, in report order: per scenario its throughput, its throttles, each operation's latency over
/// time (with its budgets) and the percentile distribution; then run-wide throttles by reason, capacity per table and
/// dimension against the limits that matter, a partition heat view for tables that throttled, hot partition keys and
/// attempts per call. Charts with nothing to show (no throttles, no consumed capacity) are left out.
/// </summary>
public static class RunCharts
{
    public static IReadOnlyList<Chart> Build(RunResult result, ChartInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        inputs ??= ChartInputs.From(result);
        var palette = OperationPalette.For(result);
        var axis = TimeAxis.For(result.Run.DurationSeconds);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var charts = new List<Chart>();
        try
        {
            foreach (var s in result.Scenarios)
            {
                charts.Add(ThroughputChart.Create(Id(ids, "throughput", s.Name), s, axis));
                if (ScenarioThrottleChart.Applies(s))
                    charts.Add(ScenarioThrottleChart.Create(Id(ids, "throttles", s.Name), s, palette, axis));
                foreach (var op in s.Operations)
                    charts.Add(LatencyOverTimeChart.Create(Id(ids, "latency", s.Name, op.Name), s, op, palette, axis, result.Budgets, Text.SimulationText.LatencySuffix(result)));
                if (s.Operations.Any(o => o.LatencyHistogram is not null))
                    charts.Add(PercentileDistributionChart.Create(Id(ids, "percentiles", s.Name), s, palette, Text.SimulationText.LatencySuffix(result)));
            }

            if (!inputs.Throttles.IsEmpty)
                charts.Add(ThrottleChart.Create(Id(ids, "throttles"), inputs.Throttles, axis));
            foreach (var capacity in inputs.Capacity.Where(c => !c.IsEmpty))
            {
                // One chart per dimension, each scaled to its own traffic: 80 RCU must not flatten beside 8,000 WCU.
                foreach (bool write in new[] { false, true }.Where(w => CapacityChart.Consumed(capacity, w)))
                    charts.Add(CapacityChart.Create(Id(ids, "capacity", capacity.Scope, write ? "write" : "read"), capacity, axis, write));
            }

            foreach (var resource in PartitionHeatChart.Throttled(result))
                charts.Add(PartitionHeatChart.Create(Id(ids, "partition-heat", resource.Index is null ? resource.Table : resource.Table + "/" + resource.Index), resource, axis));
            if (inputs.HotKeys.Count > 0)
                charts.Add(HotKeysChart.Create(Id(ids, "hot-keys"), inputs.HotKeys, Text.HotKeys.TopShare(result)));
            if (result.Scenarios.Any(s => s.Operations.Count > 0))
                charts.Add(AttemptsChart.Create(Id(ids, "attempts"), result, palette));
            return charts;
        }
        catch
        {
            foreach (var chart in charts) chart.Dispose();
            throw;
        }
    }

    /// <summary>A file-name-safe id from names ("latency-browse-get"); a counter keeps ids unique when names only differ in symbols.</summary>
    internal static string Id(HashSet<string> taken, params string[] parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (sb.Length > 0) sb.Append('-');
            foreach (char c in part.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c) || c == '_')
                    sb.Append(c);
                else if (sb.Length > 0 && sb[^1] != '-')
                    sb.Append('-');
            }

            while (sb.Length > 0 && sb[^1] == '-') sb.Length--;
        }

        string id = sb.Length == 0 ? "chart" : sb.ToString();
        string unique = id;
        for (int n = 2; !taken.Add(unique); n++)
            unique = id + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return unique;
    }
}
