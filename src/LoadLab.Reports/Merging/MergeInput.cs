using LoadLab.Core.Errors;
using LoadLab.Reports.Compare;
using LoadLab.Core.Results;
using LoadLab.Reports.Json;

namespace LoadLab.Reports.Merging;

/// <summary>
/// One shard's output as <c>loadlab merge</c> reads it: a results file, a run folder holding one, or the
/// folder of a suite with variants (one sub-folder of results per variant, beside comparison.md).
/// </summary>
internal sealed record MergeInput(string Path, RunResult? Single, IReadOnlyList<(string Variant, string Path, RunResult Result)>? Variants)
{
    public static MergeInput Read(string path)
    {
        if (!Directory.Exists(path))
            return new MergeInput(path, ResultsFiles.Read(path, "merge"), null);
        string file = System.IO.Path.Combine(path, ResultsJson.FileName);
        if (File.Exists(file))
            return new MergeInput(path, ResultsFiles.Read(file, "merge"), null);

        var variants = new List<(string Variant, string Path, RunResult Result)>();
        foreach (string folder in Directory.EnumerateDirectories(path))
        {
            string results = System.IO.Path.Combine(folder, ResultsJson.FileName);
            if (!File.Exists(results))
                continue;
            var result = ResultsFiles.Read(results, "merge");
            variants.Add((result.Run.Variant ?? System.IO.Path.GetFileName(folder), results, result));
        }

        // The order the variants ran in, which is the order the suite lists them.
        variants.Sort((a, b) => a.Result.Run.StartedAt.CompareTo(b.Result.Run.StartedAt));
        if (variants.Count == 0)
            throw new InvalidInputException($"loadlab merge: {path}: no {ResultsJson.FileName} in it or in its sub-folders. Give the folder a shard wrote (--out), or its {ResultsJson.FileName}.");
        return new MergeInput(path, null, variants);
    }

    /// <summary>Checks that all inputs are alike (all single runs or all variant folders with the same variants); true for variants.</summary>
    public static bool CheckAlike(IReadOnlyList<MergeInput> inputs)
    {
        var first = inputs[0];
        foreach (var input in inputs.Skip(1))
        {
            if ((input.Variants is null) != (first.Variants is null))
            {
                var (single, withVariants) = input.Variants is null ? (input, first) : (first, input);
                throw new InvalidInputException($"loadlab merge: {single.Path} holds one run's results but {withVariants.Path} holds variants ({Names(withVariants)}). Merge the shards of one run: all of them with variants, or all without.");
            }

            if (input.Variants is not null && Names(input) != Names(first))
            {
                throw new InvalidInputException($"loadlab merge: {input.Path} holds variants {Names(input)} but {first.Path} holds {Names(first)}. Every shard of a run with variants runs all of them; give the folders of one run.");
            }
        }

        return first.Variants is not null;
    }

    private static string Names(MergeInput input) => string.Join(", ", input.Variants!.Select(v => v.Variant).Order(StringComparer.Ordinal));
}
