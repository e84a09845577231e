using LoadLab.Core.Results;

namespace LoadLab.UnitTests.Tracing.Support;

/// <summary>The smallest RunResult with one scenario and the named operations, to apply tracing to.</summary>
internal static class MiniResults
{
    public static RunResult Run(string scenario, params string[] operations) => new()
    {
        Run = new RunInfo
        {
            RunId = "run-1",
            Suite = "quickstart",
            Environment = "local",
            Seed = 42,
            StartedAt = DateTimeOffset.UnixEpoch,
            EndedAt = DateTimeOffset.UnixEpoch.AddSeconds(10),
            DurationSeconds = 10,
            DurationScale = 1,
            Interrupted = false,
            Machine = new MachineInfo("os", "x64", 2, ".NET", "1.0.0"),
            Target = new TargetInfo("local", null, "us-east-1", "4.1.0", "4.1.0", "standard", 3),
        },
        Scenarios =
        [
            new ScenarioResult
            {
                Name = scenario,
                Table = "Customers",
                Phases = [],
                MaxInFlight = 64,
                WhenFull = "queue",
                DurationSeconds = 10,
                TargetOperations = 0,
                AchievedOpsPerSecond = 0,
                Scheduled = 0,
                Dropped = 0,
                Cancelled = 0,
                Warmup = new WarmupCounts(0, 0, 0),
                StartLateness = LatencySummary.Empty,
                Operations = operations.Select(Operation).ToArray(),
                Series = [],
            },
        ],
    };

    private static OperationResult Operation(string name) => new()
    {
        Name = name,
        Scheduled = 0,
        Completed = 0,
        Outcomes = new Dictionary<string, long>(),
        ThrottleReasons = new Dictionary<string, long>(),
        ErrorCodes = new Dictionary<string, long>(),
        Dropped = 0,
        Cancelled = 0,
        Latency = LatencySummary.Empty,
        ServiceTime = LatencySummary.Empty,
        OkLatency = LatencySummary.Empty,
        Attempts = 0,
        ThrottledAttempts = 0,
        ReadUnits = 0,
        WriteUnits = 0,
        Series = [],
    };
}
