using LoadLab.Reports.Text;
using LoadLab.Reports.Verdicts;

namespace LoadLab.Reports.Variants;

/// <summary>How comparison values read, the same in comparison.md, comparison.html and the console.</summary>
public static class ComparisonText
{
    public const string BestMark = "✓";

    public static string Legend => "✓ marks the better value of a row. " + Noise.Description;

    public static string Value(double? value, string unit) => value switch
    {
        null => "–",
        { } v when unit == "$" => CostText.Dollars(v),
        { } v when unit == "ms" => ReportNumbers.Milliseconds(v),
        { } v when unit == "%" => ReportNumbers.Number(v) + " %",
        { } v => ReportNumbers.Number(v),
    };

    public static string Cell(JudgedRow row, int variant) =>
        Value(row.Values[variant], row.Unit) + (row.Better == variant ? " " + BestMark : "");

    /// <summary>What the row says beyond its values: nothing for a clear mark or a row that does not rank.</summary>
    public static string Note(JudgedRow row) => row switch
    {
        { Kind: RowKind.WhatIf } => "what-if price: shown, not ranked",
        { Note: { } note } => note,
        { Kind: RowKind.Ranked, Better: null } when row.Values.OfType<double>().Distinct().Count() == 1 && row.Values.Count(v => v is not null) > 1 => "equal",
        { Kind: RowKind.Ranked, Better: null } when row.Values.Count(v => v is not null) > 1 => "no clear difference",
        _ => "",
    };

    /// <summary>"Verdict: sharded" or "Verdict: no clear winner".</summary>
    public static string VerdictTitle(HeadlineVerdict verdict) => "Verdict: " + (verdict.Best ?? "no clear winner");
}
