using LoadLab.Core.Plans;
using LoadLab.Core.Results;

namespace LoadLab.Core.Engine;

/// <summary>
/// Runs scenarios side by side from one common start, closes statistics intervals on a fixed
/// cadence, stops scheduling on request (Ctrl+C) and drains in-flight operations within a timeout.
/// </summary>
public sealed class LoadEngine(TimeProvider time)
{
    public async Task<EngineResult> RunAsync(IReadOnlyList<EngineScenario> scenarios, EngineOptions options, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(options);
        var runners = scenarios.Select(s => new ScenarioRunner(s, options.Seed, time)).ToArray();
        using var operations = new CancellationTokenSource();
        using var samplerStop = new CancellationTokenSource();

        var startedAt = time.GetUtcNow();
        long start = time.GetTimestamp();
        var sampler = new IntervalSampler(runners, time, start, options.Interval, options.OnInterval);
        var sampling = sampler.RunAsync(samplerStop.Token);

        await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunAsync(start, stop, operations.Token), CancellationToken.None)))
            .ConfigureAwait(false);
        bool interrupted = stop.IsCancellationRequested;

        // Drain: let in-flight operations finish, then cancel the stragglers and count them.
        var remaining = await Task.WhenAll(runners.Select(r => r.DrainAsync(options.DrainTimeout))).ConfigureAwait(false);
        if (remaining.Any(n => n > 0))
        {
            await operations.CancelAsync().ConfigureAwait(false);
            remaining = await Task.WhenAll(runners.Select(r => r.DrainAsync(TimeSpan.FromSeconds(1)))).ConfigureAwait(false);
        }

        for (int i = 0; i < runners.Length; i++)
            runners[i].Recorder.OnAbandoned(remaining[i]);

        await samplerStop.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        sampler.CloseFinalInterval();

        double duration = time.GetElapsedTime(start).TotalSeconds;
        var results = runners.Select((r, i) => ScenarioResultBuilder.Build(r.Plan, r.Recorder, r.Schedule, r.StoppedAtSeconds, scenarios[i].TableName)).ToArray();
        return new EngineResult(startedAt, time.GetUtcNow(), Math.Round(duration, 3), interrupted, results);
    }

    /// <summary>Planned length of the longest scenario, for progress display.</summary>
    public static TimeSpan PlannedDuration(IEnumerable<ScenarioPlan> plans) =>
        plans.Select(p => p.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();
}
