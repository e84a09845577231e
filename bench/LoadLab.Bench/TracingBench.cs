using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.Runner.Tracing;
using LoadLab.Tracing;

namespace LoadLab.Bench;

/// <summary>
/// What tracing at the default sampling costs: closed-model throughput with the real TracingExecutor (and a real
/// UDP exporter sending to a loopback sink) against the same run with tracing off, alternating rounds in one
/// process so drift hits both alike. First with fake executors (the engine's and tracing's own cost), then against
/// the local target through the real driver. Five alternating rounds each; medians.
/// </summary>
internal static class TracingBench
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : Environment.ProcessorCount;
        var duration = TimeSpan.FromSeconds(o.Seconds);
        using var sink = new UdpSink();
        var options = new TracingOptions { Mode = TraceMode.XRay, DaemonAddress = $"127.0.0.1:{sink.Port}" };
        Console.WriteLine("| benchmark | workers | rounds × seconds | off ops/s (rounds) | traced ops/s (rounds) | traced / off ops/s, medians (cost) | CPU µs per op off / traced, medians (cost) | traced: kept / sent / dropped (last round) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        await DecoratorAloneAsync(options);
        await CompareAsync("fast fake executor: 10 µs of work, async, attempt scope like the driver", workers, duration, options, () => new FastFakeExecutor(TimeSpan.FromMicroseconds(10)), withCapture: true);
        await CompareAsync("  the same with an empty pass-through decorator instead of tracing (what any decorator costs)", workers, duration, null, () => new FastFakeExecutor(TimeSpan.FromMicroseconds(10)), withCapture: false);
        await CompareAsync("bare async hop (0 µs of work): one extra await is most of the cost", workers, duration, options, () => new FastFakeExecutor(TimeSpan.Zero), withCapture: true);
        await CompareAsync("no-op executor (synchronous)", workers, duration, options, () => new NoOpExecutor(), withCapture: false);
        await CompareDriverAsync(o.Workers > 0 ? o.Workers : 32, duration, options);
        return 0;
    }

    /// <param name="options">Tracing for the traced rounds; null for an empty pass-through decorator instead.</param>
    private static async Task CompareAsync(string name, int workers, TimeSpan duration, TracingOptions? options, Func<IOperationExecutor> executor, bool withCapture)
    {
        var plan = Plan("bench", workers, duration);
        var traced = options ?? new TracingOptions { Mode = TraceMode.Off };
        Task<Round> Round(TimeSpan d, bool on) => RunAsync(plan with { Phases = [new ConcurrencyPhase(workers, d)] }, executor(), on ? traced : null, withCapture);
        await Round(TimeSpan.FromSeconds(2), on: false);
        await Round(TimeSpan.FromSeconds(2), on: true);
        await ReportAsync(name, workers, duration, Round);
    }

    private static async Task CompareDriverAsync(int workers, TimeSpan duration, TracingOptions options)
    {
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions());
        using var client = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = local.Endpoint, UseLocalCredentials = true });
        var table = new TablePlan { Id = "items", Name = "local_TraceBench", PartitionKey = new KeyAttribute("pk", "S") };
        var dataSet = new DataSetPlan { TableId = "items", Model = "customer", Items = 2_000, Seed = 42 };
        var model = DataModels.Get("customer");
        await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None);
        await Seeder.SeedAsync(client, table, dataSet, model, new SeedOptions(), CancellationToken.None);
        var plan = Plan("driver", workers, duration) with { TableId = table.Id };
        Task<Round> Round(TimeSpan d, bool traced) =>
            RunAsync(plan with { Phases = [new ConcurrencyPhase(workers, d)] }, new DynamoDbOperationExecutor(client, plan, table, dataSet, model, 42), traced ? options : null, withCapture: true);
        await Round(TimeSpan.FromSeconds(5), traced: false);
        await Round(TimeSpan.FromSeconds(5), traced: true);
        await ReportAsync("driver vs dynalite, get 80 / put 20", workers, duration, Round);
    }

    private static async Task ReportAsync(string name, int workers, TimeSpan duration, Func<TimeSpan, bool, Task<Round>> round)
    {
        var off = new List<Round>();
        var on = new List<Round>();
        for (int i = 0; i < Rounds; i++)
        {
            off.Add(await round(duration, false));
            on.Add(await round(duration, true));
        }

        double ratio = BenchMath.Median(on.Select(r => r.OpsPerSecond)) / BenchMath.Median(off.Select(r => r.OpsPerSecond));
        double offCpu = BenchMath.Median(off.Select(r => r.CpuMicrosPerOp));
        double onCpu = BenchMath.Median(on.Select(r => r.CpuMicrosPerOp));
        var last = on[^1].Summary;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {workers} | {Rounds} × {duration.TotalSeconds:0} | {Join(off)} | {Join(on)} | {ratio:0.000} ({(1 - ratio) * 100:0.0} %) | {offCpu:0.000} / {onCpu:0.000} ({((onCpu / offCpu) - 1) * 100:0.0} %) | {last?.Kept:N0} / {last?.Sent:N0} / {last?.Dropped:N0} |"));
    }

    private static async Task<Round> RunAsync(ScenarioPlan plan, IOperationExecutor executor, TracingOptions? tracing, bool withCapture)
    {
        var session = tracing is null ? null : await TracingSession.StartAsync(tracing, new TraceRunInfo("bench", "bench"), TimeProvider.System, Console.Error.WriteLine);
        if (tracing is { Mode: TraceMode.Off })
            executor = new PassThroughExecutor(executor);
        if (session is not null)
        {
            executor = executor is DynamoDbOperationExecutor
                ? DynamoDbTracing.Wrap(session, executor, plan, "bench")
                : session.Wrap(executor, new ScenarioTrace(plan, "bench", withCapture ? DynamoDbCallCapture.Instance : null, itemIndexOf: null));
            session.MarkLoadStart();
        }

        // Process CPU time as well as throughput: on a shared machine throughput swings with the neighbours, while
        // CPU per operation (the export thread included) stays a fair measure of what tracing adds.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await new LoadEngine(TimeProvider.System).RunAsync([new EngineScenario(plan, executor, "bench")], new EngineOptions(), CancellationToken.None);
        var summary = session is null ? null : await session.CompleteAsync();
        double cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
        var s = result.Scenarios[0];
        long completed = s.Operations.Sum(op => op.Completed);
        return new Round(completed / s.DurationSeconds, cpuMicros / Math.Max(1, completed), summary);
    }

    /// <summary>The decorator alone on one thread around a synchronous no-op: nanoseconds it adds per operation.</summary>
    private static async Task DecoratorAloneAsync(TracingOptions options)
    {
        var plan = Plan("bench", 1, TimeSpan.FromSeconds(1));
        var session = (await TracingSession.StartAsync(options, new TraceRunInfo("bench", "bench"), TimeProvider.System, Console.Error.WriteLine))!;
        IOperationExecutor plain = new NoOpExecutor();
        var traced = session.Wrap(plain, new ScenarioTrace(plan, "bench", capture: null, itemIndexOf: null));
        const int n = 20_000_000;
        var timesOff = new List<double>();
        var timesOn = new List<double>();
        for (int round = 0; round < Rounds; round++)
        {
            timesOff.Add(Loop(plain, n));
            timesOn.Add(Loop(traced, n));
        }

        await session.CompleteAsync();
        double off = BenchMath.Median(timesOff), on = BenchMath.Median(timesOn);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| decorator alone, one thread, no-op inner | 1 | {Rounds} × {n / 1_000_000} M ops | {off:0.0} ns/op | {on:0.0} ns/op | +{on - off:0.0} ns per operation | | |"));

        static double Loop(IOperationExecutor executor, int count)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
                _ = executor.ExecuteAsync(new OperationRequest(i, 0), CancellationToken.None).Result;
            return clock.Elapsed.TotalNanoseconds / count;
        }
    }

    private readonly record struct Round(double OpsPerSecond, double CpuMicrosPerOp, TracingSummary? Summary);

    private static ScenarioPlan Plan(string name, int workers, TimeSpan duration) => new()
    {
        Name = name,
        TableId = "none",
        Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
        Phases = [new ConcurrencyPhase(workers, duration)],
        MaxInFlight = 1024,
    };

    private static string Join(List<Round> rounds) => string.Join(" / ", rounds.Select(r => r.OpsPerSecond.ToString("N0", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Shaped like the DynamoDB executor: opens an attempt scope (which tracing arms), completes asynchronously after
    /// <paramref name="work"/> of CPU (a real SDK call costs LoadLab's process about 100–150 µs of CPU), and reports a
    /// throttle once in a thousand operations, so the always-keep path runs too.
    /// </summary>
    private sealed class FastFakeExecutor(TimeSpan work) : IOperationExecutor
    {
        private static readonly OperationOutcome Throttled = new(OutcomeKind.Throttled, Attempts: 3, ThrottledAttempts: 3, Reason: "KeyRangeThroughputExceeded");

        public async ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            AttemptScope.Begin();
            await Task.Yield();
            if (work > TimeSpan.Zero)
            {
                long until = Stopwatch.GetTimestamp() + (long)(work.TotalSeconds * Stopwatch.Frequency);
                while (Stopwatch.GetTimestamp() < until)
                    Thread.SpinWait(20);
            }

            return request.Sequence % 1000 == 999 ? Throttled : OperationOutcome.Ok;
        }
    }

    /// <summary>A decorator that only awaits the inner operation: the part of tracing's cost any decorator has.</summary>
    private sealed class PassThroughExecutor(IOperationExecutor inner) : IOperationExecutor
    {
        public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            var pending = inner.ExecuteAsync(request, cancellationToken);
            return pending.IsCompletedSuccessfully ? pending : AwaitAsync(pending);
        }

        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
        private static async ValueTask<OperationOutcome> AwaitAsync(ValueTask<OperationOutcome> pending) => await pending.ConfigureAwait(false);
    }

    /// <summary>A loopback UDP port that reads and discards what it receives, standing in for the daemon.</summary>
    private sealed class UdpSink : IDisposable
    {
        private readonly UdpClient client = new(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly CancellationTokenSource stop = new();

        public UdpSink()
        {
            Port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
            _ = DrainAsync();
        }

        public int Port { get; }

        public void Dispose()
        {
            stop.Cancel();
            client.Dispose();
            stop.Dispose();
        }

        private async Task DrainAsync()
        {
            try
            {
                while (true)
                    await client.ReceiveAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }
    }
}
