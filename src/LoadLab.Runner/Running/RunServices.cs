using LoadLab.Core.Results;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Target;

namespace LoadLab.Runner.Running;

/// <summary>
/// What the run stages need from outside: the reporter, the clock, the safety services, how to open the target and
/// how to write the reports. The executable passes the real ones; tests replace any of them.
/// </summary>
internal sealed record RunServices(IRunReporter Reporter, TimeProvider Time, SafetyServices Safety)
{
    /// <summary>Opens the resolved run's target (starts the embedded one for a local run).</summary>
    public Func<ResolvedRun, Action<string>, CancellationToken, Task<TargetSession>> OpenTarget { get; init; } = OpenResolvedTargetAsync;

    /// <summary>Writes every report of a result into a folder; returns the files, results.json first.</summary>
    public Func<RunResult, string, CancellationToken, Task<IReadOnlyList<string>>> WriteReports { get; init; } =
        (result, directory, cancellationToken) => Reports.Exporters.ReportWriter.WriteAllAsync(result, directory, cancellationToken);

    /// <summary>How long and how hard the client warm-up before the load goes (sdk.clientWarmup turns it off); tests shorten it.</summary>
    public Core.Engine.ClientWarmupOptions ClientWarmup { get; init; } = Core.Engine.ClientWarmupOptions.Default;

    /// <summary>Environment variables (tracing destinations); tests pass their own.</summary>
    public Func<string, string?> EnvironmentVariables { get; init; } = System.Environment.GetEnvironmentVariable;

    private static Task<TargetSession> OpenResolvedTargetAsync(ResolvedRun run, Action<string> log, CancellationToken stop)
    {
        var target = run.RequireTarget();
        // The suite's faults wait for the load: setup and seeding go undisturbed.
        return TargetSession.OpenAsync(target.Kind, target.Endpoint, target.Region, run.Simulator, log, stop, faultsFromStart: false);
    }
}
