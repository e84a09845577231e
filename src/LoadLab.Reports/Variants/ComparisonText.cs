using LoadLab.Reports.Text;

namespace LoadLab.Reports.Variants;

/// <summary>How comparison values read, the same in comparison.md and comparison.html.</summary>
internal static class ComparisonText
{
    public const string BestMark = "✓";

    public const string Legend = "✓ marks the better value of a row (lower latency, throttles, attempts and cost; nothing is marked when the values are equal or describe rather than rank, such as units consumed).";

    public static string Value(double? value, string unit) => value switch
    {
        null => "–",
        { } v when unit == "$" => CostText.Dollars(v),
        { } v when unit == "ms" => ReportNumbers.Milliseconds(v),
        { } v when unit == "%" => ReportNumbers.Number(v) + " %",
        { } v => ReportNumbers.Number(v),
    };

    public static string Cell(ComparisonRow row, int variant) =>
        Value(row.Values[variant], row.Unit) + (row.BestIndexes.Contains(variant) ? " " + BestMark : "");
}
