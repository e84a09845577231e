using System.Globalization;
using LoadLab.Runner.Planning;
using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>Renders a resolved RunPlan for <c>loadlab plan</c>.</summary>
internal static class PlanView
{
    public static void Write(IAnsiConsole console, RunPlan plan)
    {
        console.MarkupLine($"[bold]{Markup.Escape(plan.SuiteName)}[/] — environment {Markup.Escape(plan.Environment)}, seed {plan.Seed.ToString(CultureInfo.InvariantCulture)}" +
            (plan.DurationScale == 1.0 ? "" : Formatting.Invariant($", durations × {plan.DurationScale}")));

        var tables = new Table().Border(TableBorder.Rounded).Title("tables");
        foreach (var c in new[] { "id", "table name", "partition key", "sort key", "capacity" }) tables.AddColumn(c);
        foreach (var t in plan.Tables)
        {
            tables.AddRow(
                Markup.Escape(t.Id),
                Markup.Escape(t.Name),
                Markup.Escape($"{t.PartitionKey.Name} ({t.PartitionKey.Type})"),
                Markup.Escape(t.SortKey is { } s ? $"{s.Name} ({s.Type})" : "-"),
                Markup.Escape(t.Capacity.Mode == CapacityMode.OnDemand ? "on-demand" : Formatting.Invariant($"provisioned {t.Capacity.ReadUnits} RCU / {t.Capacity.WriteUnits} WCU")));
        }

        console.Write(tables);

        var estimates = PlanEstimates.For(plan);
        PlanEstimatesView.WriteData(console, plan, estimates);

        var scenarios = new Table().Border(TableBorder.Rounded).Title("scenarios");
        foreach (var c in new[] { "scenario", "table", "mix", "keys", "phase", "expected operations" }) scenarios.AddColumn(c);
        foreach (var s in plan.Scenarios)
        {
            var schedule = new ArrivalSchedule(s.Phases);
            double start = 0;
            string mix = string.Join(", ", s.Mix.Select(m => Formatting.Invariant($"{m.Operation} {m.Weight:0.##}")));
            foreach (var phase in s.Phases)
            {
                double end = start + phase.Duration.TotalSeconds;
                string expected = phase.IsOpen
                    ? Formatting.Invariant($"{schedule.ArrivalsBy(end) - schedule.ArrivalsBy(start):N0}")
                    : "closed model: as fast as the target allows";
                bool firstRow = start == 0;
                scenarios.AddRow(
                    firstRow ? Markup.Escape(s.Name) : "",
                    firstRow ? Markup.Escape(plan.Table(s.TableId).Name) : "",
                    firstRow ? Markup.Escape(mix) : "",
                    firstRow ? Markup.Escape(s.Keys.Kind) : "",
                    Markup.Escape(phase.Describe()),
                    Markup.Escape(expected));
                start = end;
            }

            scenarios.AddRow("", "", "", "", Markup.Escape(Formatting.Invariant($"total {Formatting.Duration(s.Duration)}, warm-up {Formatting.Duration(s.Warmup)}, maxInFlight {s.MaxInFlight} ({(s.WhenFull == SaturationPolicy.Drop ? "drop" : "queue")})")),
                Markup.Escape(Formatting.Invariant($"{schedule.ArrivalCount:N0}")));
        }

        console.Write(scenarios);
        PlanEstimatesView.WriteCapacity(console, plan, estimates);
        console.MarkupLine("[grey]Nothing was created or changed. Run it with: loadlab run " + Markup.Escape(plan.SuitePath ?? "SUITE.yaml") + "[/]");
    }
}
