namespace LoadLab.Core.Results;

/// <summary>
/// The one definition of a rate: operations in the measured window (after warm-up, until the last scheduled
/// operation) divided by the window's length, rounded to three decimals. The console, summary.md, report.html,
/// junit.xml, results.json and comparisons all call this, so they show the same number.
/// </summary>
public static class Throughput
{
    /// <summary>Seconds from the end of warm-up to the last scheduled operation.</summary>
    public static double MeasuredSeconds(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Math.Max(0, Math.Round(scenario.DurationSeconds - (scenario.Warmup?.Seconds ?? 0), 3));
    }

    /// <summary><paramref name="count"/> operations per second of the scenario's measured window; 0 for an empty window.</summary>
    public static double PerSecond(long count, ScenarioResult scenario)
    {
        double seconds = MeasuredSeconds(scenario);
        return seconds > 0 ? Math.Round(count / seconds, 3) : 0;
    }

    /// <summary>Completed operations per second: the achieved rate.</summary>
    public static double Achieved(OperationResult operation, ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return PerSecond(operation.Completed, scenario);
    }

    /// <summary>All the scenario's completed operations per second.</summary>
    public static double Achieved(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return PerSecond(scenario.Operations.Sum(o => o.Completed), scenario);
    }

    /// <summary>Successful (ok) operations per second: the goodput.</summary>
    public static double Goodput(OperationResult operation, ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return PerSecond(operation.Count("ok"), scenario);
    }
}
