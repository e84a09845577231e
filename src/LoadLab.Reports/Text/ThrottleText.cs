using LoadLab.Core.Results;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Text;

/// <summary>Throttle sentences shared by summary.md and report.html: every throttle counted, batch items included.</summary>
public static class ThrottleText
{
    /// <summary>"Throttle events (…): ingest/put 0, bulk-load/batchWrite 1,934 (1,651 batch items unprocessed)."</summary>
    public static string Events(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = result.Scenarios.SelectMany(s => s.Operations.Select(op =>
            s.Name + "/" + op.Name + " " + Count(op.ThrottleEvents) + (op.UnprocessedItems is > 0 and var items ? $" ({Count(items)} batch items returned unprocessed)" : "")));
        return "Throttle events (throttled attempts, also those a retry recovered from, plus batch items returned unprocessed): " + string.Join(", ", parts) + ".";
    }

    /// <summary>What the capacity simulator refused in the measured window, per table; null without a simulator or without throttles.</summary>
    public static string? Simulator(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is not { } simulator)
            return null;
        var throttled = simulator.Resources.Where(r => r.ThrottleEventsByReason.Count > 0).ToList();
        if (throttled.Count == 0)
            return "The capacity simulator refused nothing in the measured window.";
        return "The capacity simulator's count for the measured window, per item (each item of a refused batch is one event, so it exceeds the attempts above): " + string.Join("; ", throttled.Select(r =>
            (r.Index is null ? r.Table : r.Table + "/" + r.Index) + " " + string.Join(", ", r.ThrottleEventsByReason.OrderByDescending(x => x.Value).Select(x => x.Key + " " + Count(x.Value))))) + ".";
    }
}
