using LoadLab.Core.Results;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Text;

/// <summary>The seeding and warm-up tables, the same in summary.md and report.html.</summary>
public static class SeedingText
{
    public const string Note = "Seeding and warm-up traffic is reported here only: no other figure, chart, hot key or cost includes it.";

    public static readonly string[] DataSetHeaders = ["table", "model", ">items", ">batches", ">unprocessed retries", ">time"];

    public static readonly string[] TrafficHeaders = ["table", "phase", ">seconds", ">read units", ">write units", ">throttled requests", "throttle events by reason"];

    public static IEnumerable<string[]> DataSets(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Seeding.Select(d => new[] { d.Table, d.Model, Count(d.Items), Count(d.Batches), Count(d.UnprocessedRetries), Seconds(d.Seconds) });
    }

    /// <summary>The capacity simulator's traffic outside the measured window, per table or index and phase.</summary>
    public static IEnumerable<string[]> Traffic(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (result.Simulator?.Seeding ?? []).Select(p => new[]
        {
            p.Index is null ? p.Table : p.Table + "/" + p.Index,
            p.Phase,
            Number(p.Seconds),
            Number(p.ConsumedReadUnits),
            Number(p.ConsumedWriteUnits),
            Count(p.ThrottledRequests),
            p.ThrottleEventsByReason.Count == 0 ? "none" : string.Join(", ", p.ThrottleEventsByReason.Select(r => r.Key + " " + Count(r.Value))),
        });
    }
}
