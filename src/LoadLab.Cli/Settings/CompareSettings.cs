using System.ComponentModel;
using System.Globalization;
using LoadLab.Cli.CommandLine;
using LoadLab.Core.Errors;
using LoadLab.Reports.Compare;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary>
/// <c>loadlab compare A.json B.json</c>, <c>compare --baseline NAME B.json</c> or <c>compare --save-baseline NAME
/// RESULTS.json</c>: one required file and a second one that the two-file form needs and the baseline forms refuse.
/// </summary>
internal sealed class CompareSettings : LoadLabSettings
{
    private const double DefaultTolerance = 10;
    private IReadOnlyList<CompareMetric>? metrics;

    [CommandArgument(0, "<A.json>")]
    [Description("run A, the reference (with --baseline or --save-baseline: the one results file)")]
    public string First { get; init; } = "";

    [CommandArgument(1, "[B.json]")]
    [Description("run B, compared against A; not with --baseline or --save-baseline")]
    public string? Second { get; init; }

    [CommandOption("--tolerance <PCT>")]
    [Description("changes up to PCT percent count as the same (default 10%)")]
    public string? Tolerance { get; init; }

    [CommandOption("--metric <LIST>")]
    [Description("latency metrics to compare, e.g. p50,p99,p99.9,max (default p50,p99,p99.9)")]
    public string? Metric { get; init; }

    [CommandOption("--baseline <NAME>")]
    [Description("loadlab compare --baseline NAME B.json: A is the saved baseline reports/baselines/NAME.json")]
    public string? Baseline { get; init; }

    [CommandOption("--save-baseline <NAME>")]
    [Description("loadlab compare --save-baseline NAME RESULTS.json: save RESULTS.json as baseline NAME")]
    public string? SaveBaseline { get; init; }

    [CommandOption("--baseline-dir <DIR>")]
    [Description("where baselines live (default reports/baselines)")]
    public string? BaselineDir { get; init; }

    public double TolerancePercent { get; private set; } = DefaultTolerance;

    public IReadOnlyList<CompareMetric> Metrics => Validated(metrics);

    public string BaselineDirectory => BaselineDir ?? Baselines.DefaultDirectory;

    protected override void Check(List<string> errors)
    {
        if (Baseline is not null && SaveBaseline is not null)
            errors.Add("use either --baseline (compare against one) or --save-baseline (store one), not both");
        else if ((Baseline ?? SaveBaseline) is not null && Second is not null)
            errors.Add($"unexpected argument '{Second}': with --{(Baseline is null ? "save-baseline" : "baseline")} give one results file");
        else if (Baseline is null && SaveBaseline is null && Second is null)
            errors.Add("missing B.json: compare takes two results files, or --baseline NAME and one");
        if (Tolerance is { } text)
        {
            string number = text.Trim().TrimEnd('%').TrimEnd();
            if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double tolerance) && double.IsFinite(tolerance))
                TolerancePercent = tolerance;
            else
                errors.Add($"--tolerance '{text}' must be a percentage such as 10% or 2.5");
        }

        try
        {
            metrics = Metric is null ? CompareMetric.Defaults : CompareMetric.ParseList(Metric);
        }
        catch (InvalidInputException e)
        {
            errors.Add(e.Message.Replace("loadlab compare: ", "", StringComparison.Ordinal));
        }
    }

    public override void CheckFiles(List<string> errors)
    {
        PathChecks.InputFile(First, "results file", errors);
        if (Second is not null)
            PathChecks.InputFile(Second, "results file", errors);
        if (SaveBaseline is not null)
            CheckBaselineFile(SaveBaseline, errors);
        else if (BaselineDir is not null && File.Exists(BaselineDir))
            errors.Add($"--baseline-dir '{BaselineDir}' is a file; name the folder that holds the baselines");
    }

    private void CheckBaselineFile(string name, List<string> errors)
    {
        try
        {
            string file = Baselines.PathOf(name, BaselineDirectory);
            PathChecks.OutputFolder(BaselineDirectory, BaselineDir is null ? "the baselines folder" : "--baseline-dir", errors);
            if (Directory.Exists(file))
                errors.Add($"baseline '{name}' would be written to {file}, which is a folder");
        }
        catch (InvalidInputException e)
        {
            errors.Add(e.Message.Replace("loadlab compare: ", "", StringComparison.Ordinal));
        }
    }
}
