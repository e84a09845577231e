namespace LoadLab.Reports.Verdicts;

/// <summary>How a comparison row is used.</summary>
public enum RowKind
{
    /// <summary>A better value is marked (✓) when it is clearly better (see <see cref="Noise"/>).</summary>
    Ranked,

    /// <summary>Shown to explain, never marked: units consumed, counts, hot keys.</summary>
    Descriptive,

    /// <summary>A price in a mode the variant does not run in: shown, never ranked.</summary>
    WhatIf,
}

/// <summary>
/// One figure of one scope across the variants.
/// </summary>
/// <param name="Group">The scope: "orders/put", "run", "hot keys", "cost".</param>
/// <param name="Metric">"goodput", "failure rate", "p99 (ok)", …</param>
/// <param name="Unit">"ms", "%", "ops/s", "$" or "".</param>
/// <param name="Values">One per variant, null when the variant has none.</param>
/// <param name="Better">The variant marked better (✓), or null: no clear difference, a failing design, or a row that does not rank.</param>
/// <param name="Significant">The difference is larger than the noise (also when the better value is not credited because its design fails more).</param>
/// <param name="Note">Why nothing is marked when the reason is not plain noise: too few samples, the faster design fails more.</param>
public sealed record JudgedRow(string Group, string Metric, string Unit, IReadOnlyList<double?> Values, RowKind Kind, int? Better, bool Significant, string? Note = null);

/// <summary>The comparison's answer: the best design, or none, and why in one sentence.</summary>
public sealed record HeadlineVerdict(string? Best, string Reason);

/// <summary>Every row and the headline verdict of one comparison of designs.</summary>
public sealed record Judgement(IReadOnlyList<string> Variants, HeadlineVerdict Verdict, IReadOnlyList<JudgedRow> Rows, IReadOnlyList<string> Warnings)
{
    public JudgedRow? Row(string group, string metric) => Rows.FirstOrDefault(r => r.Group == group && r.Metric == metric);
}
