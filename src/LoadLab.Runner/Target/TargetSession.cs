using LoadLab.Core.Errors;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Capacity.Proxy;
using LoadLab.Capacity.Reporting;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.Runner.Target;

/// <summary>
/// The DynamoDB endpoint a run talks to: the embedded local target — dynalite behind the capacity
/// simulator, started here and stopped on dispose (also on Ctrl+C and failure) — or an endpoint
/// given with --endpoint, or AWS.
/// </summary>
internal sealed class TargetSession : IAsyncDisposable
{
    private readonly LocalDynamoDb? local;
    private readonly CapacityProxy? simulator;

    private TargetSession(DynamoDbTargetOptions options, TargetKind kind, LocalDynamoDb? local, CapacityProxy? simulator)
    {
        Options = options;
        Kind = kind;
        this.local = local;
        this.simulator = simulator;
    }

    public DynamoDbTargetOptions Options { get; }

    /// <summary>The endpoint clients should use (the simulator's for a local target).</summary>
    public Uri? Endpoint => Options.Endpoint;

    public TargetKind Kind { get; }

    /// <summary>Opens the target of <paramref name="kind"/> (<see cref="TargetKinds.For"/>); a local one starts dynalite behind the simulator with <paramref name="simulatorSettings"/>.</summary>
    public static async Task<TargetSession> OpenAsync(
        TargetKind kind, Uri? endpoint, string region, CapacitySettings simulatorSettings, Action<string> log, CancellationToken cancellationToken,
        int simulatorPort = 0, string? persistDirectory = null, bool faultsFromStart = true, bool restartOnExit = false)
    {
        ArgumentNullException.ThrowIfNull(simulatorSettings);
        if (kind == TargetKind.Endpoint)
        {
            ArgumentNullException.ThrowIfNull(endpoint);
            // Emulators accept any credentials; a loopback endpoint gets static dummy ones so a
            // laptop without AWS configuration works. Anything else uses the SDK's default chain.
            bool loopback = endpoint.IsLoopback;
            return new TargetSession(new DynamoDbTargetOptions { Endpoint = endpoint, Region = region, UseLocalCredentials = loopback }, kind, null, null);
        }

        if (kind == TargetKind.Aws)
            return new TargetSession(new DynamoDbTargetOptions { Region = region }, kind, null, null);

        var settings = simulatorSettings with { Region = region };
        // Restarting dynalite suits `loadlab local`, which serves applications for hours; a run stops on a dead target
        // instead (failOn.unreachableFor), since a restarted, empty emulator would measure something else.
        var started = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { Log = log, PersistDirectory = persistDirectory, RestartOnExit = restartOnExit, TableStatusDelay = settings.TableStatusDelay }, cancellationToken).ConfigureAwait(false);
        try
        {
            var model = new CapacityModel(settings, TimeProvider.System);
            var proxy = await CapacityProxy.StartAsync(
                new CapacityProxyOptions
                {
                    Upstream = started.Endpoint,
                    Port = simulatorPort,
                    Region = settings.Region,
                    AccountId = settings.AccountId,
                    FaultsFromStart = faultsFromStart,
                    // /_loadlab/health answers 503 with the reason while dynalite is down or restarting.
                    BackendStatus = () => started.Unavailable,
                },
                model, cancellationToken).ConfigureAwait(false);
            // An in-memory dynalite that stopped has no tables: the simulator forgets its own so both sides agree.
            // This happens before any restart, so tables created on the new process are never forgotten.
            started.StateLost += proxy.EmulatorLostItsTables;
            log($"Capacity simulator (preset {settings.Preset}) in front of dynalite at {started.Endpoint}, listening at {proxy.Endpoint} (LoadLab's own client reaches it in process)");
            if (settings.Faults.Any)
                log((faultsFromStart ? "Injecting faults: " : "Faults to inject once the load starts: ") + DescribeFaults(settings));
            // LoadLab's own client skips the loopback hop to the simulator (same rules and answers, less CPU per request).
            var options = new DynamoDbTargetOptions { Endpoint = proxy.Endpoint, Region = region, UseLocalCredentials = true, InProcessHandler = proxy.CreateInProcessHandler() };
            return new TargetSession(options, kind, started, proxy);
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A target someone else runs, reached with <paramref name="options"/> as they are (tests, embedding).</summary>
    internal static TargetSession Attach(DynamoDbTargetOptions options) => new(options, TargetKind.Endpoint, null, null);

    /// <summary>The simulator's metrics since it started (seeding included); null when the run did not go through it.</summary>
    public SimulatorSection? SimulatorSection() =>
        simulator is null ? null : SimulatorSectionBuilder.Build(simulator.Model.Snapshot(), simulator.Model.Settings, simulator.RequestStatistics, simulator.FaultStatistics);

    /// <summary>The simulator's metrics of the measured window only, seeding and warm-up in their own phases; null without a simulator.</summary>
    public SimulatorSection? SimulatorSection(WindowMarks marks, MeasuredWindow window)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (simulator is null)
            return null;
        var requests = SimulatorSectionBuilder.Requests(simulator.RequestStatistics, marks.RequestsAtWindowStart);
        return SimulatorSectionBuilder.Build(simulator.Model.Snapshot(), simulator.Model.Settings, requests, window, simulator.FaultStatistics);
    }

    /// <summary>Every unexpected exit of the local DynamoDB so far, oldest first; empty for other targets.</summary>
    public IReadOnlyList<LocalTargetIncident> Incidents => local?.Incidents ?? [];

    /// <summary>The proxy's call counters now; null without a simulator.</summary>
    public ProxyRequestStatistics? RequestStatistics() => simulator?.RequestStatistics;

    /// <summary>True when requests go through LoadLab's capacity simulator (the local target).</summary>
    public bool Simulated => simulator is not null;

    /// <summary>Starts the simulator's faults (a run does so with its load); false when there are none to start.</summary>
    public bool StartFaults()
    {
        if (simulator is null || !simulator.Model.Settings.Faults.Any)
            return false;
        simulator.StartFaults();
        return true;
    }

    /// <summary>The faults as written, e.g. "faults.internalServerError.rate=2%, faults.latency.p50=20ms".</summary>
    public static string DescribeFaults(CapacitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Join(", ", settings.Faults.Written.Select(f => $"{f.Key}={f.Value}"));
    }

    /// <summary>What the run talked to, and how the SDK client it used (<paramref name="client"/>) retries and waits.</summary>
    public TargetInfo Describe(DynamoDbTargetOptions? client = null)
    {
        var sdk = SdkInfo.For(client ?? Options);
        return new TargetInfo(TargetKinds.Name(Kind), Options.Endpoint?.ToString(), Options.Region, sdk.DynamoDbVersion, sdk.CoreVersion, sdk.RetryMode, sdk.MaxAttempts)
        {
            TimeoutSeconds = sdk.Timeout.TotalSeconds,
            MaxConnections = sdk.MaxConnections,
            ConnectTimeoutSeconds = sdk.ConnectTimeout?.TotalSeconds,
        };
    }

    /// <summary>The client options with the suite's <c>sdk:</c> settings (retry mode, attempts, timeout) laid over them.</summary>
    public static DynamoDbTargetOptions WithSdk(DynamoDbTargetOptions options, SdkPlan sdk)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sdk);
        return options with
        {
            RetryMode = sdk.RetryMode is { } mode ? (mode == SdkPlan.Adaptive ? Amazon.Runtime.RequestRetryMode.Adaptive : Amazon.Runtime.RequestRetryMode.Standard) : options.RetryMode,
            MaxAttempts = sdk.MaxAttempts ?? options.MaxAttempts,
            Timeout = sdk.Timeout ?? options.Timeout,
            MaxConnections = sdk.MaxConnections ?? options.MaxConnections,
            ConnectTimeout = sdk.ConnectTimeout ?? options.ConnectTimeout,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (simulator is not null) await simulator.DisposeAsync().ConfigureAwait(false);
        if (local is not null) await local.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Fails fast, with exit code 3, when nothing answers at the endpoint.</summary>
    public static async Task CheckReachableAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, DynamoDbTargetOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest { Limit = 1 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Without an endpoint the SDK went to AWS itself: then credentials and region are what to check, and there is no --endpoint to drop.
            string advice = options.Endpoint is null
                ? "Check the AWS credentials (the environment's profile, AWS_PROFILE or the SDK's default chain) and the region."
                : "Check that the endpoint is running and reachable, or drop --endpoint to use the embedded local target.";
            string where = options.Endpoint?.ToString() ?? $"AWS ({options.Region})";
            throw new CannotRunException($"Cannot reach DynamoDB at {where}: {Describe(e)}. {advice}");
        }
    }

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner == e ? e.Message : $"{e.Message} ({inner.Message})";
    }
}
