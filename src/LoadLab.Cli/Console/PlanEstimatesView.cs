using System.Globalization;
using LoadLab.Runner.Planning;
using LoadLab.Core.Plans;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>Renders <see cref="PlanEstimates"/> for <c>loadlab plan</c>: data to seed and capacity per second.</summary>
internal static class PlanEstimatesView
{
    public static void WriteData(IAnsiConsole console, RunPlan plan, PlanEstimates estimates)
    {
        if (plan.DataSets.Count == 0) return;
        var data = new Table().Border(TableBorder.Rounded).Title("data to seed");
        foreach (var c in new[] { "table", "model", "items", "seed", "avg item", "total", "per item RCU (strong) / WCU", "seeding (paced)" }) data.AddColumn(c);
        foreach (var d in plan.DataSets)
        {
            var e = estimates.DataSets[d.TableId];
            data.AddRow(
                Markup.Escape(plan.Table(d.TableId).Name),
                Markup.Escape(d.Model),
                d.Items.ToString("N0", CultureInfo.InvariantCulture),
                d.Seed.ToString(CultureInfo.InvariantCulture),
                ByteText.Format(e.AverageBytes),
                ByteText.Format(e.TotalBytes),
                Formatting.Invariant($"{e.AverageReadUnits:0.##} / {e.AverageWriteUnits:0.##}"),
                Markup.Escape(estimates.Seeding[d.TableId].Describe()));
        }

        console.Write(data);
        console.MarkupLine(Formatting.Invariant($"[grey]Sizes from {DataSetEstimator.Samples:N0} generated items per data set (DynamoDB item-size rules); the total is the mean times the item count.[/]"));
    }

    public static void WriteCapacity(IAnsiConsole console, RunPlan plan, PlanEstimates estimates)
    {
        if (estimates.Scenarios.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("capacity per second (estimate)");
        foreach (var c in new[] { "scenario", "per operation", "phase", "peak rate", "read units/s", "write units/s", "table capacity" }) table.AddColumn(c);
        foreach (var s in estimates.Scenarios)
        {
            var tablePlan = plan.Table(plan.Scenarios.First(x => x.Name == s.Scenario).TableId);
            bool first = true;
            foreach (var p in s.Phases)
            {
                table.AddRow(
                    first ? Markup.Escape(s.Scenario) : "",
                    first ? Markup.Escape(PerOperation(s)) : "",
                    Markup.Escape(p.Phase.Describe()),
                    p.PeakRate is { } rate ? Formatting.Invariant($"{rate:N0}/s") : "closed model",
                    p.PeakRate is null ? "-" : Formatting.Invariant($"{p.ReadUnitsPerSecond:N1}"),
                    p.PeakRate is null ? "-" : Formatting.Invariant($"{p.WriteUnitsPerSecond:N1}"),
                    first ? Markup.Escape(Capacity(tablePlan.Capacity)) : "");
                first = false;
            }
        }

        console.Write(table);
        console.MarkupLine("[grey]Reads: size rounded up to 4 KB per item (per page for query and scan), half when eventually consistent, ×2 in transactions; writes: 1 KB per item, ×2 in transactions. Index write amplification and sort-key narrowing are not counted.[/]");
        foreach (var warning in estimates.Scenarios.SelectMany(s => s.Warnings))
            console.MarkupLine($"[yellow]Warning: {Markup.Escape(warning)}[/]");
        foreach (var warning in estimates.SharedTableWarnings)
            console.MarkupLine($"[yellow]Warning: {Markup.Escape(warning)}[/]");
        foreach (var warning in estimates.TargetWarnings)
            console.MarkupLine($"[yellow]Local target: {Markup.Escape(warning)}[/]");
    }

    private static string PerOperation(ScenarioCapacity s)
    {
        string reads = string.Join(" + ", s.ReadUnitsPerOperation
            .Where(r => r.Key == ScenarioCapacity.Table || r.Value > 0)
            .Select(r => r.Key == ScenarioCapacity.Table ? Formatting.Invariant($"{r.Value:0.##} R") : Formatting.Invariant($"{r.Value:0.##} R on {r.Key}")));
        return Formatting.Invariant($"{reads}, {s.WriteUnitsPerOperation:0.##} W");
    }

    private static string Capacity(CapacityPlan c) => c.Mode == CapacityMode.Provisioned
        ? Formatting.Invariant($"{c.ReadUnits} RCU / {c.WriteUnits} WCU")
        : "on-demand" + (c.MaxReadUnits is { } r ? Formatting.Invariant($", max {r} R") : "") + (c.MaxWriteUnits is { } w ? Formatting.Invariant($", max {w} W") : "");
}
