using System.Collections.Concurrent;
using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.UnitTests.Core.Support;

namespace LoadLab.UnitTests.Core.Engine;

/// <summary>The client warm-up calls exactly the operations it was given, as often as asked, and keeps nothing but its own tally.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class ClientWarmupTests
{
    private static readonly ClientWarmupOptions Quick = new(CallsPerOperation: 50, MinDuration: TimeSpan.Zero, MaxDuration: TimeSpan.FromMinutes(1), Concurrency: 8);

    [Fact]
    public async Task Each_warmed_operation_is_called_the_asked_number_of_times_and_no_other()
    {
        var a = new CountingExecutor();
        var b = new CountingExecutor(fail: 2);

        var summary = await ClientWarmup.RunAsync(
            [new ClientWarmupScenario("a", a, [0, 2]), new ClientWarmupScenario("b", b, [1]), new ClientWarmupScenario("none", new CountingExecutor(), [])],
            Quick, TimeProvider.System, CancellationToken.None);

        Assert.Equal(150, summary.Calls);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(["a", "b"], summary.Scenarios);
        Assert.Equal(new Dictionary<int, int> { [0] = 50, [2] = 50 }, a.Calls.OrderBy(kv => kv.Key).ToDictionary());
        Assert.Equal(new Dictionary<int, int> { [1] = 50 }, b.Calls.ToDictionary());
        // Sequences start at 0 per operation, as the load's own do: the warm-up draws the keys the load draws first.
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), a.Sequences[0].Order());
    }

    [Fact]
    public async Task A_calls_per_second_cap_paces_every_call_from_the_first_on_virtual_time()
    {
        var clock = new VirtualClock();
        var started = new ConcurrentBag<long>();
        var executor = new CountingExecutor(onCall: () => started.Add(clock.GetTimestamp()));
        // No plateau rule: a capped warm-up then ends at its shortest, 2 s, by which time 20 calls were due.
        var capped = Quick with { CallsPerOperation = 100, MinDuration = TimeSpan.FromSeconds(2), MaxCallsPerSecond = 10, TrickleInterval = TimeSpan.Zero };

        var summary = await clock.RunAsync(
            () => ClientWarmup.RunAsync([new ClientWarmupScenario("s", executor, [0])], capped, clock, CancellationToken.None),
            TimeSpan.FromMinutes(1));

        Assert.InRange(summary.Calls, 20, 21);
        // Call k starts no earlier than k / 10 s after the first, despite 8 callers: no opening burst.
        var times = started.Order().Select(t => (t - started.Min()) / (double)TimeSpan.TicksPerSecond).ToArray();
        for (int k = 0; k < times.Length; k++)
            Assert.True(times[k] >= (k / 10.0) - 1e-9, $"call {k} at {times[k]} s");
        Assert.True(summary.Seconds >= 1.9, $"took {summary.Seconds} s");
    }

    [Fact]
    public async Task Outcomes_other_than_ok_and_executor_exceptions_are_counted_as_not_ok()
    {
        var failing = new CountingExecutor(fail: 0, throwOn: 1);

        var summary = await ClientWarmup.RunAsync([new ClientWarmupScenario("s", failing, [0, 1])], Quick, TimeProvider.System, CancellationToken.None);

        Assert.Equal(100, summary.Calls);
        Assert.Equal(100, summary.Failed);
    }

    [Fact]
    public async Task Nothing_to_warm_or_a_zero_budget_calls_nothing()
    {
        var executor = new CountingExecutor();

        var none = await ClientWarmup.RunAsync([new ClientWarmupScenario("s", executor, [])], Quick, TimeProvider.System, CancellationToken.None);
        var zero = await ClientWarmup.RunAsync([new ClientWarmupScenario("s", executor, [0])], Quick with { MaxDuration = TimeSpan.Zero }, TimeProvider.System, CancellationToken.None);

        Assert.Same(ClientWarmupSummary.None, none);
        Assert.Same(ClientWarmupSummary.None, zero);
        Assert.Empty(executor.Calls);
    }

    [Fact]
    public async Task With_a_plateau_rule_it_ends_once_the_rate_levels_off_not_at_its_longest()
    {
        // A steady executor: its rate is level from the start, so two flat windows end the warm-up long before 60 s.
        var steady = new CountingExecutor(delay: TimeSpan.FromMilliseconds(1));
        var options = Quick with { CallsPerOperation = 1, MaxDuration = TimeSpan.FromSeconds(60), Plateau = TimeSpan.FromMilliseconds(50), Concurrency = 2, JitTime = () => TimeSpan.Zero };

        var summary = await ClientWarmup.RunAsync([new ClientWarmupScenario("s", steady, [0])], options, TimeProvider.System, CancellationToken.None);

        Assert.True(summary.Seconds < 60, $"ran {summary.Seconds} s");
        Assert.True(summary.Calls > 1);
        Assert.Equal(TimeSpan.FromMilliseconds(500), ClientWarmupOptions.Default.Plateau);
    }

    [Fact]
    public async Task While_the_jit_is_still_compiling_the_warm_up_goes_on_to_its_longest()
    {
        // A level rate but a JIT busy all the time (as while hot code is being optimised): only MaxDuration ends it.
        var steady = new CountingExecutor(delay: TimeSpan.FromMilliseconds(1));
        long jitTicks = 0;
        var options = Quick with
        {
            CallsPerOperation = 1,
            MaxDuration = TimeSpan.FromMilliseconds(400),
            Plateau = TimeSpan.FromMilliseconds(50),
            Concurrency = 2,
            JitTime = () => TimeSpan.FromTicks(Interlocked.Add(ref jitTicks, TimeSpan.FromMilliseconds(50).Ticks)),
        };

        var summary = await ClientWarmup.RunAsync([new ClientWarmupScenario("s", steady, [0])], options, TimeProvider.System, CancellationToken.None);

        Assert.True(summary.Seconds >= 0.4, $"ended after {summary.Seconds} s, before its longest");
    }

    [Fact]
    public async Task The_stop_token_ends_it()
    {
        using var stop = new CancellationTokenSource();
        var executor = new CountingExecutor(onCall: stop.Cancel);

        var summary = await ClientWarmup.RunAsync([new ClientWarmupScenario("s", executor, [0])], Quick with { CallsPerOperation = 1_000_000 }, TimeProvider.System, stop.Token);

        Assert.InRange(summary.Calls, 1, Quick.Concurrency);
    }

    private sealed class CountingExecutor(int fail = -1, int throwOn = -1, Action? onCall = null, TimeSpan? delay = null) : IOperationExecutor
    {
        public ConcurrentDictionary<int, int> Calls { get; } = new();

        public ConcurrentDictionary<int, ConcurrentBag<long>> Sequences { get; } = new();

        public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken) =>
            delay is { } d ? DelayedAsync(request, d, cancellationToken) : Execute(request);

        private async ValueTask<OperationOutcome> DelayedAsync(OperationRequest request, TimeSpan d, CancellationToken cancellationToken)
        {
            await Task.Delay(d, cancellationToken);
            return await Execute(request);
        }

        private ValueTask<OperationOutcome> Execute(OperationRequest request)
        {
            Calls.AddOrUpdate(request.OperationIndex, 1, (_, n) => n + 1);
            Sequences.GetOrAdd(request.OperationIndex, _ => []).Add(request.Sequence);
            onCall?.Invoke();
            if (request.OperationIndex == throwOn)
                throw new InvalidOperationException("executor bug");
            return ValueTask.FromResult(request.OperationIndex == fail ? new OperationOutcome(OutcomeKind.Throttled) : OperationOutcome.Ok);
        }
    }
}
