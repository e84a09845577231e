using LoadLab.Cli.Console;
using LoadLab.Core.Errors;
using System.Globalization;
using LoadLab.Cli.CommandLine;
using LoadLab.Reports.Compare;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab compare A.json B.json</c>: B against A, per operation; exit 1 when B regressed beyond
/// the tolerance. <c>--baseline NAME B.json</c> takes A from reports/baselines/NAME.json, and
/// <c>--save-baseline NAME RESULTS.json</c> stores a results file there.
/// </summary>
internal static class CompareCommand
{
    private const double DefaultTolerance = 10;

    private static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("tolerance", "PCT", "changes up to PCT percent count as the same (default 10%)"),
        new("metric", "LIST", "latency metrics to compare, e.g. p50,p99,p99.9,max (default p50,p99,p99.9)"),
        new("baseline", "NAME", "loadlab compare --baseline NAME B.json: A is the saved baseline reports/baselines/NAME.json"),
        new("save-baseline", "NAME", "loadlab compare --save-baseline NAME RESULTS.json: save RESULTS.json as baseline NAME"),
        new("baseline-dir", "DIR", "where baselines live (default reports/baselines)"),
        new("help", null, "show this help"),
    ];

    public static readonly CommandSpec Spec = new(
        "compare",
        "Compares run B with run A (or a saved baseline) per operation: latency percentiles, throughput, throttle rate; exits 1 when B regressed beyond the tolerance.",
        ["A.json", "B.json"],
        Options);

    private static readonly CommandSpec OneFileSpec = Spec with { Positionals = ["RESULTS.json"] };

    /// <summary>The spec to parse <paramref name="args"/> with: the baseline forms take one file instead of two.</summary>
    public static CommandSpec SpecFor(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool baseline = args.Any(a => a is "--baseline" or "--save-baseline"
            || a.StartsWith("--baseline=", StringComparison.Ordinal) || a.StartsWith("--save-baseline=", StringComparison.Ordinal));
        return baseline ? OneFileSpec : Spec;
    }

    public static int Execute(ParsedArguments args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        string directory = args.Value("baseline-dir") ?? Baselines.DefaultDirectory;
        if (args.Value("save-baseline") is { } saveAs)
        {
            if (args.Has("baseline"))
                throw Usage("use either --baseline (compare against one) or --save-baseline (store one), not both");
            string saved = Baselines.Save(saveAs, args.Positionals[0], directory);
            console.MarkupLine($"Saved baseline [bold]{Markup.Escape(saveAs)}[/]: {Markup.Escape(saved)}");
            return ExitCodes.Ok;
        }

        double tolerance = Tolerance(args.Value("tolerance"));
        var metrics = args.Value("metric") is { } m ? CompareMetric.ParseList(m) : CompareMetric.Defaults;
        string pathA = args.Value("baseline") is { } name ? Baselines.Existing(name, directory) : args.Positionals[0];
        string pathB = args.Positionals[^1];
        var a = ResultsFiles.Read(pathA, "compare");
        var b = ResultsFiles.Read(pathB, "compare");

        var comparison = RunComparer.Compare(a, b, tolerance, metrics);
        console.MarkupLine($"A: {Describe(pathA, a)}");
        console.MarkupLine($"B: {Describe(pathB, b)}");
        foreach (var warning in comparison.Warnings)
            console.MarkupLine($"[yellow]![/] {Markup.Escape(warning)}");
        foreach (var table in ComparisonTable.Build(comparison))
            console.Write(table);
        if (comparison.HasRegression)
        {
            console.MarkupLine(Formatting.Invariant($"[red bold]{comparison.Regressions} regression(s)[/] beyond the {tolerance:0.##}% tolerance."));
            return ExitCodes.BudgetFailed;
        }
        console.MarkupLine(Formatting.Invariant($"[green]No regression[/] beyond the {tolerance:0.##}% tolerance."));
        return ExitCodes.Ok;
    }

    private static string Describe(string path, RunResult result) => Markup.Escape(Formatting.Invariant(
        $"{path} (suite {result.Run.Suite}, run {result.Run.RunId}, {result.Run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"));

    /// <summary>10%, 10 or 2.5%: a non-negative percentage.</summary>
    private static double Tolerance(string? text)
    {
        if (text is null)
            return DefaultTolerance;
        string number = text.Trim().TrimEnd('%').TrimEnd();
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double tolerance) || !double.IsFinite(tolerance))
            throw Usage($"--tolerance '{text}' must be a percentage such as 10% or 2.5");
        return tolerance;
    }

    private static InvalidInputException Usage(string message) => new($"loadlab compare: {message}\n\n{Spec.Usage()}");
}
