using LoadLab.Reports.Charts;
using LoadLab.Reports.Verdicts;

namespace LoadLab.Reports.Variants;

/// <summary>The variants of a suite side by side, judged by <see cref="DesignJudge"/>: rows per scope and the headline verdict.</summary>
public sealed record VariantComparison(IReadOnlyList<VariantRun> Variants, Judgement Judgement)
{
    public IReadOnlyList<string> Names => Judgement.Variants;

    public static VariantComparison Build(IReadOnlyList<VariantRun> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return new VariantComparison(variants, DesignJudge.Judge(variants));
    }
}
