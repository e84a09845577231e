using System.Collections.Concurrent;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Emission;
using LoadLab.Capacity.Proxy.Metrics;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>Everything a request handler needs, shared by all requests (all members are thread-safe).</summary>
internal sealed class ProxyServices : IDisposable
{
    public ProxyServices(CapacityProxyOptions options, ICapacityModel model)
    {
        Options = options;
        Model = model;
        Upstream = new UpstreamClient(options.Upstream, options.UpstreamHandler ?? UpstreamClient.CreateDefaultHandler());
        Shadows = new ShadowIndex();
        Tables = new TableRegistry(model, Shadows, PendingScaling);
        Costs = new CostRules(model.Settings);
        // ARNs follow the model's region and account unless the proxy options say otherwise.
        Throttles = new ThrottleEmitter(options.Emission, options.Region ?? model.Settings.Region, options.AccountId ?? model.Settings.AccountId);
        Statistics = new RequestStatistics(options.TimeProvider);
        Ticker = new ModelTicker(model, options.TimeProvider, options.ModelTickInterval);
        Tokens = new Transactions.IdempotencyCache(options.TimeProvider);
        Faults = new Faults.FaultInjector(model.Settings.Faults, options.TimeProvider, options.FaultsFromStart);
    }

    public CapacityProxyOptions Options { get; }

    public ICapacityModel Model { get; }

    public UpstreamClient Upstream { get; }

    public ShadowIndex Shadows { get; }

    public TableRegistry Tables { get; }

    public ThrottleEmitter Throttles { get; }

    /// <summary>Unit arithmetic with the model's constants.</summary>
    public CostRules Costs { get; }

    public RequestStatistics Statistics { get; }

    public ModelTicker Ticker { get; }

    /// <summary>What transactions and single writes have in flight on each item (conflicts).</summary>
    public Transactions.ItemLockTable Locks { get; } = new();

    /// <summary>TransactWriteItems ClientRequestTokens of the last 10 minutes.</summary>
    public Transactions.IdempotencyCache Tokens { get; }
    /// <summary>The faults to rehearse (the settings' <c>faults</c>); none by default.</summary>
    public Faults.FaultInjector Faults { get; }

    /// <summary>Auto scaling policies pushed for tables not created yet, applied at CreateTable.</summary>
    public ConcurrentDictionary<string, TableAutoScaling> PendingScaling { get; } = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the proxy stops; upstream calls use it rather than the client's abort, so a write's outcome is never lost half-way.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    public void Dispose()
    {
        Ticker.Dispose();
        Stopping.Cancel();
        Stopping.Dispose();
        Upstream.Dispose();
    }
}
