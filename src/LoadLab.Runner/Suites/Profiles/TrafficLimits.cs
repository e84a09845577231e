namespace LoadLab.Runner.Suites.Profiles;

/// <summary>Bounds on a traffic file, stated once: the loader, its messages and the docs use these.</summary>
internal static class TrafficLimits
{
    /// <summary>
    /// Most points a curve may have: a day at one point per second is 86,400, and one CloudWatch
    /// GetMetricData call returns at most 100,800. Memory and the plan stay small.
    /// </summary>
    public const int MaxPoints = 100_000;

    /// <summary>Largest file read, checked before reading: 100,000 points take well under this in either format.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>Largest <c>scale:</c>; the scaled rates are also held to <see cref="SuiteValues.MaxRate"/>.</summary>
    public const double MaxScale = 1_000_000;
}
