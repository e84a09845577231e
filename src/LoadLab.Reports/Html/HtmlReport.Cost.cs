using LoadLab.Core.Results;
using LoadLab.Reports.Text;

namespace LoadLab.Reports.Html;

public static partial class HtmlReport
{
    private static void WriteCost(HtmlWriter html, RunCost? cost)
    {
        if (cost is null || cost.Tables.Count == 0)
            return;
        html.Open("section", id: "cost").Element("h2", "Estimated cost").Element("p", CostText.Note, "muted");
        html.Table(CostText.Headers, CostText.Rows(cost).Select(r => (IReadOnlyList<Cell>)[.. r.Select(c => new Cell(c))]));
        html.Element("p", CostText.Prices(cost), "note").Close("section");
    }
}
