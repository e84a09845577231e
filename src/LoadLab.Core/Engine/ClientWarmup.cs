using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;

namespace LoadLab.Core.Engine;

/// <summary>
/// How much of the client's warm-up to do before the load's clock starts. A fresh process runs its first calls on
/// unoptimised code and opens its connections as it goes, so without a warm-up a short run measures the client's own
/// JIT rather than the table. The user's <c>warmup:</c> is something else: load on the schedule, left out of the figures.
/// </summary>
/// <param name="CallsPerOperation">
/// Calls of each warmed operation made at full <paramref name="Concurrency"/> (unless <paramref name="MaxDuration"/> runs
/// out first): enough for the runtime to mark the path hot and to open the connections. After them one call every
/// <see cref="TrickleInterval"/> keeps the path in use while the JIT finishes, so the warm-up's load on the table stays
/// small (it uses the table's capacity before the measured window, like seeding does).
/// </param>
/// <param name="MinDuration">Time at least: the runtime promotes hot methods to optimised code in the background, after they ran a while.</param>
/// <param name="MaxDuration">Time at most, whatever the counts.</param>
/// <param name="Concurrency">Calls in flight: enough to open the connections the load will use.</param>
/// <param name="Plateau">
/// When set, the warm-up goes on (up to <paramref name="MaxDuration"/>) until the client has settled: twice in a row,
/// a window of this length in which the call rate rose by less than 5 % and the JIT compiled for less than 5 % of the
/// window. The runtime compiles hot code to its optimised tier in the background for seconds after it first ran (on a
/// busy 2-core machine the SDK's path took 15 s, at a quarter of the later rate); the rate alone can sit flat at the
/// unoptimised level for seconds, so the JIT's own activity is the signal that it is done.
/// </param>
public sealed record ClientWarmupOptions(int CallsPerOperation, TimeSpan MinDuration, TimeSpan MaxDuration, int Concurrency, TimeSpan? Plateau = null)
{
    /// <summary>LoadLab's default: 1 s at least, then until the client has settled (two quiet half-seconds), 15 s at most.</summary>
    public static readonly ClientWarmupOptions Default = new(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), 16, TimeSpan.FromMilliseconds(500));

    /// <summary>Pause between the calls that follow the first <see cref="CallsPerOperation"/> (one caller): 20 calls/s by default.</summary>
    public TimeSpan TrickleInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Calls per second at most over the whole warm-up, the first calls included; null for no cap. A provisioned table
    /// gets one (<c>ClientWarmupSelection</c>) so the warm-up leaves its buckets, burst and auto scaling as the measured
    /// window would have found them: a burst of a hundred writes can put a small table in debt before the clock starts.
    /// </summary>
    public double? MaxCallsPerSecond { get; init; }

    /// <summary>Time the JIT has spent compiling in this process so far; replaceable for tests.</summary>
    public Func<TimeSpan> JitTime { get; init; } = () => System.Runtime.JitInfo.GetCompilationTime();
}

/// <summary>The operations of one scenario to warm: its executor and the indexes into its mix safe to call before the load.</summary>
public sealed record ClientWarmupScenario(string Name, IOperationExecutor Executor, IReadOnlyList<int> Operations);

/// <summary>
/// Calls each scenario's executor — the same client, driver and requests the load uses — for the operations it may
/// warm, and throws every outcome away: nothing of it reaches a recorder, the figures or the measured window.
/// </summary>
public static class ClientWarmup
{
    public static async Task<ClientWarmupSummary> RunAsync(IReadOnlyList<ClientWarmupScenario> scenarios, ClientWarmupOptions options, TimeProvider time, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var active = scenarios.Where(s => s.Operations.Count > 0).ToArray();
        if (active.Length == 0 || options.CallsPerOperation <= 0 || options.MaxDuration <= TimeSpan.Zero)
            return ClientWarmupSummary.None;
        long minTicks = (long)(options.MinDuration.TotalSeconds * time.TimestampFrequency);
        long maxTicks = (long)(options.MaxDuration.TotalSeconds * time.TimestampFrequency);
        // Every scenario's operations in turn: call k is operation k mod n, with the k / n-th sequence of its scenario.
        var slots = active.SelectMany(s => s.Operations.Select(op => (Scenario: s, Operation: op))).ToArray();
        long target = (long)options.CallsPerOperation * slots.Length;
        long next = -1;
        long calls = 0;
        long failed = 0;
        long start = time.GetTimestamp();
        // Without a plateau rule the rate counts as level from the start.
        int level = options.Plateau is null ? 1 : 0;
        using var watching = new CancellationTokenSource();
        bool paced = options.MaxCallsPerSecond is not null;
        var watcher = options.Plateau is { } window ? WatchPlateauAsync(window, paced, () => Interlocked.Read(ref calls), options.JitTime, () => Volatile.Write(ref level, 1), time, watching.Token) : Task.CompletedTask;
        // Paced, more callers than calls per second would only queue up waiting for their turn (and outlive the warm-up).
        int callers = options.MaxCallsPerSecond is { } rate ? (int)Math.Clamp(Math.Ceiling(rate), 1, Math.Max(1, options.Concurrency)) : Math.Max(1, options.Concurrency);

        async Task WorkerAsync(int worker)
        {
            while (!stop.IsCancellationRequested)
            {
                long elapsed = time.GetTimestamp() - start;
                long k = Interlocked.Increment(ref next);
                // A capped warm-up cannot reach its call count in reasonable time on a small table: settling is enough.
                if (elapsed >= maxTicks || ((k >= target || options.MaxCallsPerSecond is not null) && elapsed >= minTicks && Volatile.Read(ref level) == 1))
                    return;
                if (k >= target)
                {
                    // Past the burst: one caller, paced, until the client has settled.
                    if (worker != 0)
                        return;
                    try
                    {
                        await Task.Delay(options.TrickleInterval, time, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                if (options.MaxCallsPerSecond is { } cap)
                {
                    if (!await PaceAsync(start, k, cap, maxTicks, time, stop).ConfigureAwait(false))
                        return;
                    // The wait may have outlasted the warm-up: a call due after its end is not made.
                    elapsed = time.GetTimestamp() - start;
                    if (elapsed >= maxTicks || (elapsed >= minTicks && Volatile.Read(ref level) == 1))
                        return;
                }

                var (scenario, op) = slots[k % slots.Length];
                OperationOutcome outcome;
                try
                {
                    outcome = await scenario.Executor.ExecuteAsync(new OperationRequest(k / slots.Length, op), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception)
                {
                    outcome = new OperationOutcome(OutcomeKind.ClientError);
                }

                Interlocked.Increment(ref calls);
                if (outcome.Kind != OutcomeKind.Ok)
                    Interlocked.Increment(ref failed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, callers).Select(w => Task.Run(() => WorkerAsync(w), CancellationToken.None))).ConfigureAwait(false);
        await watching.CancelAsync().ConfigureAwait(false);
        await watcher.ConfigureAwait(false);
        return new ClientWarmupSummary(
            Interlocked.Read(ref calls),
            Interlocked.Read(ref failed),
            Math.Round(time.GetElapsedTime(start).TotalSeconds, 3),
            [.. active.Select(s => s.Name).Distinct()]);
    }

    /// <summary>Waits until call <paramref name="k"/>'s turn at <paramref name="callsPerSecond"/> from the start; false when stopped or due after the end.</summary>
    private static async Task<bool> PaceAsync(long start, long k, double callsPerSecond, long maxTicks, TimeProvider time, CancellationToken stop)
    {
        if (k / callsPerSecond * time.TimestampFrequency >= maxTicks)
            return false;
        var due = TimeSpan.FromSeconds(k / callsPerSecond) - time.GetElapsedTime(start);
        if (due <= TimeSpan.Zero)
            return true;
        try
        {
            await Task.Delay(due, time, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Samples the call count and the JIT's time every <paramref name="window"/>; says "level" after two settled windows in a row (for a paced warm-up, two quiet windows of the JIT).</summary>
    private static async Task WatchPlateauAsync(TimeSpan window, bool paced, Func<long> calls, Func<TimeSpan> jit, Action level, TimeProvider time, CancellationToken stop)
    {
        long last = calls();
        var lastJit = jit();
        double previousRate = double.NaN;
        int flat = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(window, time, stop).ConfigureAwait(false);
                long now = calls();
                double rate = now - last;
                last = now;
                var jitNow = jit();
                bool compiling = jitNow - lastJit > window * 0.05;
                lastJit = jitNow;
                // A paced warm-up's rate is set by its pace, not by the client: only the JIT says when it has settled.
                flat = (paced || rate <= previousRate * 1.05) && !compiling ? flat + 1 : 0;
                previousRate = rate;
                if (flat >= 2)
                {
                    level();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}

/// <summary>What the client warm-up did; none of it is in any other figure of the run.</summary>
/// <param name="Calls">Operations carried out (each may have made several attempts).</param>
/// <param name="Failed">Of those, the ones that did not end ok (throttles and condition failures included).</param>
/// <param name="Seconds">How long it took.</param>
/// <param name="Scenarios">The scenarios whose operations were warmed.</param>
public sealed record ClientWarmupSummary(long Calls, long Failed, double Seconds, IReadOnlyList<string> Scenarios)
{
    public static readonly ClientWarmupSummary None = new(0, 0, 0, []);
}
