using System.Globalization;
using System.Text;
using LoadLab.Core.Results;
using LoadLab.Reports.Json;

namespace LoadLab.Reports.Calibration;

/// <summary>
/// Does a simulation agree with a real run of the same suite and seed (issue #16, item 5)? Per scenario and operation:
/// consumed read and write units within 2 %, throttled requests (operations that ended throttled, and throttled
/// attempts) within 10 % or 20 requests, the same set of throttle reasons, and the first throttled second within 5 s.
/// The calibration test and the bench both judge with this one class.
/// </summary>
public static class CalibrationReport
{
    public const double UnitsTolerance = 0.02;
    public const double ThrottleTolerance = 0.10;
    public const long ThrottleSlack = 20;
    public const double FirstThrottleSeconds = 5;

    /// <summary>Every operation of every scenario in either run, real against simulated; <paramref name="label"/> names the pair (suite, variant).</summary>
    public static IReadOnlyList<CalibrationRow> Compare(string label, RunResult real, RunResult simulated)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(simulated);
        var rows = new List<CalibrationRow>();
        var names = real.Scenarios.SelectMany(s => s.Operations.Select(o => (Scenario: s.Name, Operation: o.Name)))
            .Concat(simulated.Scenarios.SelectMany(s => s.Operations.Select(o => (Scenario: s.Name, Operation: o.Name))))
            .Distinct();
        foreach (var (scenario, operation) in names)
            rows.Add(new CalibrationRow(label, scenario, operation,
                Figures.Of(Find(real, scenario, operation)), Figures.Of(Find(simulated, scenario, operation))));
        return rows;
    }

    /// <summary>
    /// Compares the results.json files of a real and a simulated run written to <paramref name="realDirectory"/> and
    /// <paramref name="simulatedDirectory"/>: one file at the top, or one per variant folder for a suite with variants.
    /// </summary>
    public static IReadOnlyList<CalibrationRow> CompareDirectories(string suite, string realDirectory, string simulatedDirectory)
    {
        var rows = new List<CalibrationRow>();
        foreach (var (variant, relative) in ResultsIn(realDirectory))
        {
            string simulatedFile = Path.Combine(simulatedDirectory, relative);
            if (!File.Exists(simulatedFile))
                throw new FileNotFoundException($"The simulation wrote no {relative} for the real run's {Path.Combine(realDirectory, relative)}.", simulatedFile);
            rows.AddRange(Compare(variant is null ? suite : $"{suite}/{variant}",
                ResultsJson.Read(Path.Combine(realDirectory, relative)), ResultsJson.Read(simulatedFile)));
        }
        return rows;
    }

    /// <summary>A markdown table, one line per operation: real → simulated for each figure, and which criteria fail.</summary>
    public static string Markdown(IEnumerable<CalibrationRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| suite | scenario/operation | read units | write units | throttled ops | throttled attempts | reasons | first throttle (s) | agrees |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Label} | {row.Scenario}/{row.Operation} ");
            text.Append(CultureInfo.InvariantCulture, $"| {Pair(row.Real.ReadUnits, row.Simulated.ReadUnits, row.ReadUnitsAgree)} ");
            text.Append(CultureInfo.InvariantCulture, $"| {Pair(row.Real.WriteUnits, row.Simulated.WriteUnits, row.WriteUnitsAgree)} ");
            text.Append(CultureInfo.InvariantCulture, $"| {Pair(row.Real.ThrottledOperations, row.Simulated.ThrottledOperations, row.ThrottledOperationsAgree)} ");
            text.Append(CultureInfo.InvariantCulture, $"| {Pair(row.Real.ThrottledAttempts, row.Simulated.ThrottledAttempts, row.ThrottledAttemptsAgree)} ");
            text.Append(CultureInfo.InvariantCulture, $"| {Reasons(row.Real.Reasons)} vs {Reasons(row.Simulated.Reasons)}{Mark(row.ReasonsAgree)} ");
            text.Append(CultureInfo.InvariantCulture, $"| {Second(row.Real.FirstThrottle)} vs {Second(row.Simulated.FirstThrottle)}{Mark(row.FirstThrottleAgrees)} ");
            text.AppendLine(row.Agrees ? "| yes |" : $"| **no**: {string.Join(", ", row.Failures)} |");
        }
        return text.ToString();
    }

    private static OperationResult? Find(RunResult run, string scenario, string operation) =>
        run.Scenarios.FirstOrDefault(s => s.Name == scenario)?.Operations.FirstOrDefault(o => o.Name == operation);

    private static IEnumerable<(string? Variant, string Relative)> ResultsIn(string directory)
    {
        if (File.Exists(Path.Combine(directory, ResultsJson.FileName)))
            return [(null, ResultsJson.FileName)];
        var variants = Directory.GetDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, ResultsJson.FileName)))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)
            .Select(v => ((string?)v, Path.Combine(v, ResultsJson.FileName)))
            .ToList();
        if (variants.Count == 0)
            throw new FileNotFoundException($"No {ResultsJson.FileName} in {directory} or its variant folders.");
        return variants;
    }

    private static string Pair(double real, double simulated, bool agrees) =>
        string.Create(CultureInfo.InvariantCulture, $"{real:N0} vs {simulated:N0}{Mark(agrees)}");

    private static string Mark(bool agrees) => agrees ? "" : " ✗";

    private static string Reasons(IReadOnlySet<string> reasons) => reasons.Count == 0 ? "–" : string.Join(" + ", reasons.Order(StringComparer.Ordinal));

    private static string Second(double? second) => second is { } s ? s.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    internal static bool UnitsWithin(double real, double simulated) => Math.Abs(simulated - real) <= UnitsTolerance * Math.Abs(real);

    internal static bool ThrottlesWithin(long real, long simulated) => Math.Abs(simulated - real) <= Math.Max(ThrottleTolerance * real, ThrottleSlack);
}

/// <summary>The figures of one operation that calibration compares.</summary>
/// <param name="FirstThrottle">Start of the first interval of the operation's series with a throttled attempt (seconds from the run's start); null when none.</param>
public sealed record CalibrationFigures(double ReadUnits, double WriteUnits, long ThrottledOperations, long ThrottledAttempts, IReadOnlySet<string> Reasons, double? FirstThrottle);

internal static class Figures
{
    public static CalibrationFigures Of(OperationResult? operation) => operation is null
        ? new CalibrationFigures(0, 0, 0, 0, new HashSet<string>(), null)
        : new CalibrationFigures(
            operation.ReadUnits,
            operation.WriteUnits,
            operation.Count("throttled"),
            operation.ThrottledAttempts,
            operation.ThrottleReasons.Where(r => r.Value > 0).Select(r => r.Key).ToHashSet(StringComparer.Ordinal),
            operation.Series.FirstOrDefault(i => i.Throttled > 0 || (i.ThrottleEvents ?? 0) > 0)?.Start);
}

/// <summary>One operation, real against simulated, and whether each criterion holds.</summary>
public sealed record CalibrationRow(string Label, string Scenario, string Operation, CalibrationFigures Real, CalibrationFigures Simulated)
{
    public bool ReadUnitsAgree => CalibrationReport.UnitsWithin(Real.ReadUnits, Simulated.ReadUnits);

    public bool WriteUnitsAgree => CalibrationReport.UnitsWithin(Real.WriteUnits, Simulated.WriteUnits);

    public bool ThrottledOperationsAgree => CalibrationReport.ThrottlesWithin(Real.ThrottledOperations, Simulated.ThrottledOperations);

    public bool ThrottledAttemptsAgree => CalibrationReport.ThrottlesWithin(Real.ThrottledAttempts, Simulated.ThrottledAttempts);

    public bool ReasonsAgree => Real.Reasons.SetEquals(Simulated.Reasons);

    public bool FirstThrottleAgrees => (Real.FirstThrottle, Simulated.FirstThrottle) switch
    {
        (null, null) => true,
        ({ } real, { } simulated) => Math.Abs(real - simulated) <= CalibrationReport.FirstThrottleSeconds,
        _ => false,
    };

    public bool Agrees => Failures.Count == 0;

    /// <summary>The criteria that do not hold, named: "write units", "throttled attempts", …</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            if (!ReadUnitsAgree) failures.Add("read units");
            if (!WriteUnitsAgree) failures.Add("write units");
            if (!ThrottledOperationsAgree) failures.Add("throttled operations");
            if (!ThrottledAttemptsAgree) failures.Add("throttled attempts");
            if (!ReasonsAgree) failures.Add("throttle reasons");
            if (!FirstThrottleAgrees) failures.Add("first throttle");
            return failures;
        }
    }
}
