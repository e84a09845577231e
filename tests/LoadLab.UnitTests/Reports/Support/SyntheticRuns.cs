using LoadLab.Core.Results;
using LoadLab.Reports.Samples;

namespace LoadLab.UnitTests.Reports.Support;

/// <summary>
/// Synthetic results for the exporter tests: the default sample (2 scenarios, 3 operations, 120
/// one-second intervals with real encoded histograms, throttle burst, budgets that pass and fail),
/// built once because recording and encoding the histograms is the slow part.
/// </summary>
internal static class SyntheticRuns
{
    private static readonly Lazy<RunResult> Default = new(() => SampleRun.Create());

    public static RunResult Run => Default.Value;

    /// <summary>The sample with a hostile scenario name, to prove every report escapes text.</summary>
    public const string HostileName = "<script>alert('x')</script> & \"co\"";

    private static readonly Lazy<RunResult> HostileRun = new(() =>
    {
        var options = new SampleRunOptions();
        var scenarios = options.Scenarios.ToArray();
        scenarios[1] = scenarios[1] with { Name = HostileName };
        return SampleRun.Create(options with { Scenarios = scenarios, Intervals = 30 });
    });

    public static RunResult Hostile => HostileRun.Value;
}
