using LoadLab.Core.Plans;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>The variants part of <c>loadlab plan</c>: what each changes and the tables it runs on.</summary>
internal static class VariantPlanView
{
    public static void Write(IAnsiConsole console, RunPlan plan)
    {
        if (plan.Variants.Count == 0)
            return;
        var table = new Table().Border(TableBorder.Rounded).Title("variants (run one after the other, then compared)");
        foreach (var c in new[] { "variant", "changes", "tables", "capacity", "partition key template" }) table.AddColumn(c);
        foreach (var variant in plan.Variants)
        {
            var p = variant.Plan;
            table.AddRow(
                Markup.Escape(variant.Name),
                Markup.Escape(variant.Changes.Count == 0 ? "the suite as written" : string.Join("\n", variant.Changes)),
                Markup.Escape(string.Join("\n", p.Tables.Select(t => t.Name))),
                Markup.Escape(string.Join("\n", p.Tables.Select(Capacity))),
                Markup.Escape(string.Join("\n", p.DataSets.Select(d => d.TableId + ": " + (d.PartitionKeyTemplate ?? "model default")))));
        }

        console.Write(table);
    }

    private static string Capacity(TablePlan t) => t.Capacity.Mode == CapacityMode.OnDemand
        ? "on-demand"
        : Formatting.Invariant($"provisioned {t.Capacity.ReadUnits} RCU / {t.Capacity.WriteUnits} WCU");
}
