using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.Runner.Running;

namespace LoadLab.Bench.Harness;

/// <summary>What one child run measured; printed as one JSON line for the parent.</summary>
internal sealed record HarnessFigures(
    string Mode,
    double SteadyOps,
    double WindowOps,
    double SteadyCpuUs,
    double WindowCpuUs,
    double WholeCpuUs,
    double SecondsTo90,
    double TargetRate = 0,
    double AchievedShare = 0,
    double LatenessP99Ms = 0,
    double P99Ms = 0)
{
    /// <summary>The client warm-up before the first counted operation (LoadLab's modes).</summary>
    public double WarmupSeconds { get; init; }

    /// <summary>Operations started in each second from the first one: the warm-up curve.</summary>
    public IReadOnlyList<long> PerSecond { get; init; } = [];

    /// <summary>Milliseconds the JIT compiled in each second: tiering still under way while this is high.</summary>
    public IReadOnlyList<int> JitMsPerSecond { get; init; } = [];
}

/// <summary>
/// One mode of the harness in a fresh process (so each starts cold, JIT included, and its CPU is its own):
/// <c>plain</c> — N workers calling the SDK back to back; <c>closed</c> / <c>open</c> — LoadLab's engine, driver and
/// executor composed as <c>loadlab run --endpoint</c> composes them, same mix (get 80 / put 20) and data model.
/// </summary>
internal static class HarnessRun
{
    public const string ResultPrefix = "RESULT ";
    private const long Items = 100_000;

    private static readonly TablePlan Table = new() { Id = "items", Name = "local_Bench", PartitionKey = new KeyAttribute("pk", "S") };
    private static readonly DataSetPlan DataSet = new() { TableId = "items", Model = "customer", Items = Items, Seed = 42 };

    /// <summary>How long the client warm-up took before the measured load (LoadLab modes).</summary>
    private static double WarmupSeconds { get; set; }

    public static async Task<int> RunAsync(string mode, Uri endpoint, BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : 16;
        var duration = TimeSpan.FromSeconds(o.Seconds);
        var trace = new RateTrace();
        using var stopSampling = new CancellationTokenSource();
        var sampling = Task.Run(() => trace.SampleAsync(stopSampling.Token));
        ScenarioResult? scenario = null;
        switch (mode)
        {
            case "plain":
                await PlainAsync(PlainClient(endpoint), workers, duration, trace);
                break;
            // Ablations: which part of LoadLab's path costs what (bench/README.md, harness).
            case "plain-factory":
                await PlainAsync(DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = endpoint, Region = "us-east-1", UseLocalCredentials = true }), workers, duration, trace);
                break;
            case "plain-token":
                using (var cts = new CancellationTokenSource())
                    await PlainAsync(PlainClient(endpoint), workers, duration, trace, cts.Token);
                break;
            case "engine-plain":
                scenario = await EnginePlainAsync(endpoint, new ConcurrencyPhase(workers, duration), trace);
                break;
            case "plain-scope":
                await PlainAsync(PlainClient(endpoint), workers, duration, trace, scope: true);
                break;
            case "closed":
                scenario = await LoadLabAsync(endpoint, new ConcurrencyPhase(workers, duration), trace);
                break;
            case "open":
                scenario = await LoadLabAsync(endpoint, new RatePhase(o.Rate, duration), trace);
                break;
            default:
                throw new ArgumentException($"unknown harness mode {mode}");
        }

        await stopSampling.CancelAsync();
        await sampling;
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(Figures(mode, trace, o, scenario)));
        return 0;
    }

    private static HarnessFigures Figures(string mode, RateTrace trace, BenchOptions o, ScenarioResult? scenario)
    {
        double s = o.Seconds;
        (double Ops, double CpuUs) Between(double from, double to)
        {
            var a = trace.At(from);
            var b = trace.At(to);
            long calls = Math.Max(1, b.Count - a.Count);
            return ((b.Count - a.Count) / (b.Seconds - a.Seconds), (b.CpuUs - a.CpuUs) / calls);
        }

        var steady = Between(s / 2, s);
        var window = Between(Math.Min(5, s / 4), Math.Min(30, s));
        double to90 = double.NaN;
        for (double t = 1; t <= s; t += 0.1)
        {
            if (Between(t - 1, t).Ops >= 0.9 * steady.Ops)
            {
                to90 = t;
                break;
            }
        }

        var perSecond = Enumerable.Range(1, (int)s).Select(t => trace.At(t).Count - trace.At(t - 1).Count).ToArray();
        var jitPerSecond = Enumerable.Range(1, (int)s).Select(t => (int)(trace.At(t).JitMs - trace.At(t - 1).JitMs)).ToArray();
        double whole = Environment.CpuUsage.TotalTime.TotalMicroseconds / Math.Max(1, trace.Count);
        var figures = new HarnessFigures(mode, steady.Ops, window.Ops, steady.CpuUs, window.CpuUs, whole, to90) { WarmupSeconds = WarmupSeconds, PerSecond = perSecond, JitMsPerSecond = jitPerSecond };
        if (scenario is null)
            return figures;
        long completed = scenario.Operations.Sum(op => op.Completed);
        double p99 = scenario.Operations.Max(op => op.Latency.P99Ms);
        return mode == "open"
            ? figures with { TargetRate = o.Rate, AchievedShare = completed / (o.Rate * scenario.DurationSeconds), LatenessP99Ms = scenario.StartLateness.P99Ms, P99Ms = p99 }
            : figures with { P99Ms = p99 };
    }

    /// <summary>The plain loop: the SDK's own client and the same requests, nothing else.</summary>
    private static AmazonDynamoDBClient PlainClient(Uri endpoint)
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 2, RetryMode = RequestRetryMode.Standard };
        return new AmazonDynamoDBClient(new BasicAWSCredentials("loadlab-local", "loadlab-local"), config);
    }

    private static async Task PlainAsync(AmazonDynamoDBClient client, int workers, TimeSpan duration, RateTrace trace, CancellationToken token = default, bool scope = false)
    {
        using var owned = client;
        var model = DataModels.For(DataSet);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (clock.Elapsed < duration)
            {
                long index = random.NextInt64(Items);
                trace.Started();
                bool get = random.Next(100) < 80;
                if (scope)
                    await ScopedAsync(client, model, index, get, token);
                else
                    await CallAsync(client, model, index, get, token);
            }
        })));
    }

    private static async Task CallAsync(AmazonDynamoDBClient client, IDataModel model, long index, bool get, CancellationToken token)
    {
        if (get)
            await client.GetItemAsync(new GetItemRequest { TableName = Table.Name, Key = model.KeyOf(index, Table), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES }, token);
        else
            await client.PutItemAsync(new PutItemRequest { TableName = Table.Name, Item = model.CreateItem(42, index, Table), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES }, token);
    }

    private static async Task ScopedAsync(AmazonDynamoDBClient client, IDataModel model, long index, bool get, CancellationToken token)
    {
        AttemptScope.Begin();
        await CallAsync(client, model, index, get, token);
    }

    /// <summary>LoadLab as a run composes it for an endpoint target: the factory's client, the executor, the engine.</summary>
    private static async Task<ScenarioResult> LoadLabAsync(Uri endpoint, LoadPhase phase, RateTrace trace)
    {
        var options = new DynamoDbTargetOptions { Endpoint = endpoint, Region = "us-east-1", UseLocalCredentials = true };
        using var client = DynamoDbClientFactory.Create(options);
        var plan = new ScenarioPlan
        {
            Name = "harness",
            TableId = Table.Id,
            Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
            Phases = [phase],
        };
        var executor = new DynamoDbOperationExecutor(client, plan, Table, DataSet, DataModels.For(DataSet), 42, TimeProvider.System,
            new DriverOptions { Target = TargetCapabilities.DynamoDb });
        var engineOptions = new EngineOptions { OnInterval = _ => { } };
        // As a run does: the client warm-up first (LOADLAB_HARNESS_NO_WARMUP=1 leaves it out), counted nowhere.
        if (Environment.GetEnvironmentVariable("LOADLAB_HARNESS_NO_WARMUP") != "1")
        {
            var warmed = await ClientWarmup.RunAsync([new ClientWarmupScenario(plan.Name, executor, ClientWarmupSelection.Operations(plan, prod: false))],
                ClientWarmupSelection.OptionsFor([plan]), TimeProvider.System, CancellationToken.None);
            WarmupSeconds = warmed.Seconds;
        }

        var result = await new LoadEngine(TimeProvider.System).RunAsync([new EngineScenario(plan, new Counting(executor, trace), Table.Name)], engineOptions, CancellationToken.None);
        return result.Scenarios[0];
    }

    /// <summary>The engine around the plain loop's calls: what the engine alone adds.</summary>
    private static async Task<ScenarioResult> EnginePlainAsync(Uri endpoint, LoadPhase phase, RateTrace trace)
    {
        using var client = PlainClient(endpoint);
        var plan = new ScenarioPlan
        {
            Name = "harness",
            TableId = Table.Id,
            Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
            Phases = [phase],
        };
        var result = await new LoadEngine(TimeProvider.System).RunAsync([new EngineScenario(plan, new Counting(new PlainExecutor(client), trace), Table.Name)], new EngineOptions(), CancellationToken.None);
        return result.Scenarios[0];
    }

    private sealed class PlainExecutor(AmazonDynamoDBClient client) : IOperationExecutor
    {
        private readonly IDataModel model = DataModels.For(DataSet);

        public async ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            long index = (long)(unchecked((ulong)request.Sequence * 0x9E3779B97F4A7C15UL) % Items);
            await CallAsync(client, model, index, request.OperationIndex == 0, cancellationToken);
            return new OperationOutcome(OutcomeKind.Ok);
        }
    }

    /// <summary>Counts starts and hands the executor's task back as it is: no await, no allocation.</summary>
    private sealed class Counting(IOperationExecutor inner, RateTrace trace) : IOperationExecutor
    {
        public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            trace.Started();
            return inner.ExecuteAsync(request, cancellationToken);
        }
    }
}
