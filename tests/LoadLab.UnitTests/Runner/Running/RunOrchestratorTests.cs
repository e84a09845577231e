using System.Collections.Concurrent;
using System.Text.Json;
using LoadLab.Core.Engine;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Target;
using LoadLab.UnitTests.DynamoDb;

namespace LoadLab.UnitTests.Runner.Running;

/// <summary>
/// The run's stages with their collaborators replaced: an in-memory DynamoDB behind the real SDK, a reporter that
/// collects lines, a report writer that keeps the result. No process, no network, no files.
/// </summary>
public sealed class RunOrchestratorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-orchestrator-").FullName;
    private readonly InMemoryTable table = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private RunOptions Options(string load = "[ { rate: 20, for: 1s } ]")
    {
        string path = Path.Combine(folder, "suite.yaml");
        File.WriteAllText(path, $$"""
            name: stages
            seed: 5
            tables:
              items: { name: Items, key: { pk: S }, capacity: { mode: on-demand } }
            data:
              items: { model: customer, items: 30 }
            scenarios:
              - name: writes
                table: items
                mix: { put: 1 }
                load: {{load}}
            budgets:
              - { scenario: writes, op: put, errors: "< 1%" }
            """);
        return new RunOptions { SuitePath = path, OutDirectory = Path.Combine(folder, "out"), Endpoint = new Uri("http://127.0.0.1:9") }; // loopback: no account check; the fake answers in process
    }

    private RunServices Services(CollectingReporter reporter, ConcurrentBag<(RunResult Result, string Directory)> written) =>
        new(reporter, TimeProvider.System, new SafetyServices((_, _) => throw new InvalidOperationException("no SSM"), (_, _) => throw new InvalidOperationException("no STS"), new NoConfirmation()))
        {
            OpenTarget = (_, _, _) => Task.FromResult(TargetSession.Attach(new DynamoDbTargetOptions
            {
                Endpoint = new Uri("http://fake.invalid"), UseLocalCredentials = true, InProcessHandler = new FakeDynamoDbHttp(table.Answer),
            })),
            WriteReports = (result, directory, _) =>
            {
                written.Add((result, directory));
                return Task.FromResult<IReadOnlyList<string>>([Path.Combine(directory, "results.json")]);
            },
            EnvironmentVariables = _ => null,
            // A short client warm-up: what it calls and that none of it is counted is what these tests look at.
            // The puts are paced at 100 calls/s (a tenth of what one key is served): 50 ms gives a few calls.
            ClientWarmup = new ClientWarmupOptions(CallsPerOperation: 7, MinDuration: TimeSpan.FromMilliseconds(50), MaxDuration: TimeSpan.FromSeconds(30), Concurrency: 4),
        };

    [Fact]
    public async Task A_run_creates_its_table_seeds_it_drives_the_load_and_writes_one_result()
    {
        var reporter = new CollectingReporter();
        var written = new ConcurrentBag<(RunResult Result, string Directory)>();

        var suite = await new VariantRunner(Services(reporter, written)).RunAsync(Options(), CancellationToken.None);

        var (result, directory) = Assert.Single(written);
        Assert.Equal(Path.Combine(folder, "out"), directory);
        Assert.Equal(RunVerdict.Passed, suite.Verdict);
        Assert.False(result.Run.Interrupted);
        Assert.Equal("endpoint", result.Run.Target.Kind);
        // The table got the environment's prefix, was created once and seeded with every item.
        Assert.Equal(["local_Items"], table.Created);
        Assert.Equal(30, table.ItemsWritten(seeding: true));
        Assert.Equal(30, Assert.Single(result.Seeding).Items);
        // The client warm-up overwrote seeded items (puts of the mix) before the load, and is counted in no figure.
        var warmup = Assert.IsType<ClientWarmupSummary>(result.ClientWarmup);
        Assert.InRange(warmup.Calls, 1, 8);
        Assert.Equal(0, warmup.Failed);
        Assert.Equal(["writes"], warmup.Scenarios);
        Assert.Contains(reporter.Lines, l => l.StartsWith($"Client warm-up: {warmup.Calls} calls (put)", StringComparison.Ordinal) && l.Contains("at most 100 calls/s", StringComparison.Ordinal));
        // The open model planned 20 arrivals; each was a PutItem that succeeded: the warm-up's calls are in none of its figures.
        var put = Assert.Single(Assert.Single(result.Scenarios).Operations);
        Assert.Equal(20, put.Completed);
        Assert.Equal(20, put.Attempts);
        Assert.Equal(20 + warmup.Calls, table.ItemsWritten(seeding: false));
        Assert.Contains(reporter.Lines, l => l.StartsWith("Run ", StringComparison.Ordinal) && l.Contains("seed 5", StringComparison.Ordinal));
        Assert.Single(result.Budgets);
        Assert.True(result.BudgetsPassed);
    }

    [Fact]
    public async Task With_sdk_client_warmup_off_nothing_is_called_before_the_load_and_the_client_settings_are_in_the_result()
    {
        var reporter = new CollectingReporter();
        var written = new ConcurrentBag<(RunResult Result, string Directory)>();
        var options = Options();
        File.AppendAllText(options.SuitePath, "\nsdk: { clientWarmup: false, maxConnections: 12, connectTimeout: 1500ms }\n");

        await new VariantRunner(Services(reporter, written)).RunAsync(options, CancellationToken.None);

        var (result, _) = Assert.Single(written);
        Assert.Null(result.ClientWarmup);
        Assert.Equal(20, table.ItemsWritten(seeding: false));
        Assert.DoesNotContain(reporter.Lines, l => l.StartsWith("Client warm-up", StringComparison.Ordinal));
        Assert.Equal(12, result.Run.Target.MaxConnections);
        Assert.Equal(1.5, result.Run.Target.ConnectTimeoutSeconds);
    }

    [Fact]
    public async Task Ctrl_c_during_seeding_still_writes_the_result_and_says_interrupted()
    {
        using var stop = new CancellationTokenSource();
        // The stop comes when the seeding starts: an event of the run, not a timer.
        var reporter = new CollectingReporter(line =>
        {
            if (line.StartsWith("Seeding ", StringComparison.Ordinal)) stop.Cancel();
        });
        var written = new ConcurrentBag<(RunResult Result, string Directory)>();

        var suite = await new VariantRunner(Services(reporter, written)).RunAsync(Options(), stop.Token);

        var (result, _) = Assert.Single(written);
        Assert.Equal(RunVerdict.Interrupted, suite.Verdict);
        Assert.True(result.Run.Interrupted);
        Assert.Empty(result.Scenarios);
        Assert.Contains(reporter.Warnings, w => w.Contains("Interrupted before the load started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guard_refuses_before_the_target_is_opened()
    {
        var reporter = new CollectingReporter();
        var written = new ConcurrentBag<(RunResult Result, string Directory)>();
        var options = Options() with { Safety = new SafetyOptions { MaxCostDollars = 0 } };

        await Assert.ThrowsAsync<LoadLab.Core.Errors.InvalidInputException>(() => new VariantRunner(Services(reporter, written)).RunAsync(options, CancellationToken.None));

        Assert.Equal(0, table.Requests);
        Assert.Empty(written);
    }

    private sealed class NoConfirmation : IConfirmation
    {
        public bool IsInteractive => false;

        public bool Confirm(string question) => false;
    }

    private sealed class CollectingReporter(Action<string>? onInfo = null) : IRunReporter
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ConcurrentQueue<string> Warnings { get; } = new();

        public void Info(string message)
        {
            Lines.Enqueue(message);
            onInfo?.Invoke(message);
        }

        public void Warn(string message) => Warnings.Enqueue(message);

        public void OnInterval(LiveSnapshot snapshot)
        {
        }

        public Task<T> ShowWhileAsync<T>(Func<Task<T>> work) => work();
    }

    /// <summary>Just enough of DynamoDB for one on-demand table: create, describe, tag, batch and single writes.</summary>
    private sealed class InMemoryTable
    {
        private readonly ConcurrentQueue<string> created = new();
        private int seeded;
        private int puts;
        private int requests;

        public IReadOnlyList<string> Created => [.. created];

        public int Requests => Volatile.Read(ref requests);

        public int ItemsWritten(bool seeding) => seeding ? Volatile.Read(ref seeded) : Volatile.Read(ref puts);

        public HttpResponseMessage Answer(FakeRequest request)
        {
            Interlocked.Increment(ref requests);
            string? name = request.Body.TryGetProperty("TableName", out var n) ? n.GetString() : null;
            switch (request.Operation)
            {
                case "ListTables":
                    return FakeDynamoDbHttp.Json("""{"TableNames":[]}""");
                case "DescribeTable":
                    return created.IsEmpty ? FakeDynamoDbHttp.Error("ResourceNotFoundException") : FakeDynamoDbHttp.Json($$"""{"Table":{{Description(name!)}}}""");
                case "CreateTable":
                    created.Enqueue(name!);
                    return FakeDynamoDbHttp.Json($$"""{"TableDescription":{{Description(name!)}}}""");
                case "TagResource":
                    return FakeDynamoDbHttp.Json("{}");
                case "ListTagsOfResource":
                    return FakeDynamoDbHttp.Json("""{"Tags":[{"Key":"loadlab:created-by","Value":"loadlab"}]}""");
                case "BatchWriteItem":
                    foreach (var tableRequests in request.Body.GetProperty("RequestItems").EnumerateObject())
                        Interlocked.Add(ref seeded, tableRequests.Value.GetArrayLength());
                    return FakeDynamoDbHttp.Json("""{"UnprocessedItems":{}}""");
                case "PutItem":
                    Interlocked.Increment(ref puts);
                    return FakeDynamoDbHttp.Json("{}");
                default:
                    return FakeDynamoDbHttp.Error("ValidationException");
            }
        }

        private static string Description(string name) => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["TableName"] = name,
            ["TableArn"] = $"arn:aws:dynamodb:us-east-1:000000000000:table/{name}",
            ["TableStatus"] = "ACTIVE",
            ["KeySchema"] = new[] { new Dictionary<string, string> { ["AttributeName"] = "pk", ["KeyType"] = "HASH" } },
            ["AttributeDefinitions"] = new[] { new Dictionary<string, string> { ["AttributeName"] = "pk", ["AttributeType"] = "S" } },
            ["BillingModeSummary"] = new Dictionary<string, string> { ["BillingMode"] = "PAY_PER_REQUEST" },
            ["ItemCount"] = 0,
            ["TableSizeBytes"] = 0,
        });
    }
}
