using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Html;

public static partial class HtmlReport
{
    /// <summary>The run at a glance, as indicator tiles (Gatling-style), and the one sentence of findings.</summary>
    private static void WriteHeadline(HtmlWriter html, RunResult result)
    {
        var h = Headline.Of(result);
        string simulated = SimulationText.LatencySuffix(result);
        html.Open("section", "headline", id: "headline").Open("div", "tiles");
        Tile(html, "operations", Count(h.Operations), Number(h.OpsPerSecond) + " ops/s");
        Tile(html, "goodput", Number(h.Goodput), "successful ops/s");
        Tile(html, "errors", Number(h.ErrorPercent) + " %", "of operations", h.ErrorPercent > 0 ? "bad" : null);
        Tile(html, "throttled", Number(h.ThrottledPercent) + " %", Count(h.ThrottleEvents) + " throttle events", h.ThrottledPercent > 0 || h.ThrottleEvents > 0 ? "bad" : null);
        Tile(html, "p50 ok" + simulated, h.OkLatency is { } l50 ? Milliseconds(l50.P50) : "–", "successful operations");
        Tile(html, "p95 ok" + simulated, h.OkLatency is { } l95 ? Milliseconds(l95.P95) : "–", "successful operations");
        Tile(html, "p99 ok" + simulated, h.OkLatency is { } l99 ? Milliseconds(l99.P99) : "–", "successful operations");
        Tile(html, "budgets", h.Budgets == 0 ? "none" : FormattableString.Invariant($"{h.BudgetsMet}/{h.Budgets}"), h.Budgets == 0 ? "set in the suite" : "met",
            h.BudgetsMet < h.Budgets ? "bad" : null);
        html.Close("div");
        html.Open("p", "finding").Raw("<strong>Finding:</strong> ").Text(h.Finding).Close("p");
        if (h.ThrottledByReason.Count > 0)
            html.Element("p", "Throttled by reason: " + h.ThrottlesText + ".", "muted");
        html.Close("section");
    }

    private static void Tile(HtmlWriter html, string label, string value, string detail, string? state = null)
    {
        html.Open("div", state is null ? "tile" : "tile " + state)
            .Element("div", label, "label")
            // Ten million operations and more would overflow a tile at the full size.
            .Element("div", value, value.Length > 9 ? "value long" : "value")
            .Element("div", detail, "detail")
            .Close("div");
    }

    private static void WriteSeeding(HtmlWriter html, RunResult result)
    {
        if (result.Seeding.Count == 0 && result.Simulator is not { Seeding.Count: > 0 })
            return;
        html.Open("section", id: "seeding").Element("h2", "Seeding and warm-up").Element("p", SeedingText.Note, "muted");
        if (result.Seeding.Count > 0)
            html.Table(SeedingText.DataSetHeaders, SeedingText.DataSets(result).Select(r => (IReadOnlyList<Cell>)[.. r.Select(c => new Cell(c))]));
        if (result.Simulator is { Seeding.Count: > 0 })
        {
            html.Element("h3", "Capacity simulator, outside the measured window");
            html.Table(SeedingText.TrafficHeaders, SeedingText.Traffic(result).Select(r => (IReadOnlyList<Cell>)[.. r.Select(c => new Cell(c))]));
            if (result.Simulator.Window is { } window)
                html.Element("p", window.Rule, "note");
        }

        html.Close("section");
    }
}
