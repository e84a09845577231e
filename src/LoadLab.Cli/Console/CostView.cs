using System.Globalization;
using LoadLab.Core.Cost;
using LoadLab.Runner.Safety;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>The planned on-demand cost for <c>loadlab plan</c>: what <c>--max-cost</c> compares against.</summary>
internal static class CostView
{
    public static void Write(IAnsiConsole console, CostEstimate estimate, CostPrices prices)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("planned on-demand cost");
        foreach (var c in new[] { "what", "items / operations", "read units", "write units", "USD" }) table.AddColumn(c);
        foreach (var line in estimate.Lines)
        {
            table.AddRow(
                Markup.Escape(line.What),
                line.Operations.ToString("N0", CultureInfo.InvariantCulture),
                line.ReadUnits.ToString("N0", CultureInfo.InvariantCulture),
                line.WriteUnits.ToString("N0", CultureInfo.InvariantCulture),
                line.Dollars.ToString("0.####", CultureInfo.InvariantCulture));
        }

        table.AddRow("total", "", "", "", "$" + estimate.TotalDollars.ToString("0.####", CultureInfo.InvariantCulture));
        console.Write(table);
        // The prices the run will use, so a number in the table can be checked by hand.
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"On-demand prices: ${prices.OnDemandReadPerMillion} per million read units, ${prices.OnDemandWritePerMillion} per million write units (us-east-1 defaults unless --prices or the suite's simulator overrides change them; docs/capacity-model.md §19). Units per operation as above, writes once more per global index.")).Insert(0, "[grey]") + "[/]");
        foreach (var note in estimate.Unbounded)
            console.MarkupLine($"[yellow]![/] {Markup.Escape(note)}: not in the total; --max-cost refuses such a run.");
    }
}
