namespace LoadLab.Core.Plans;

/// <summary>A suite's <c>metrics:</c> section: the metrics outputs a run writes unless <c>--metrics</c> says otherwise.</summary>
/// <param name="Emf">off, file (metrics.emf.jsonl in the run folder) or stdout (the file and the same lines on standard output).</param>
public sealed record MetricsPlan(string Emf)
{
    public static readonly IReadOnlyList<string> EmfChoices = ["off", "file", "stdout"];
}
