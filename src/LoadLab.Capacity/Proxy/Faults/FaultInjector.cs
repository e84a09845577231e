using System.Net.Sockets;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Wire;
using LoadLab.Core.Outcomes;

namespace LoadLab.Capacity.Proxy.Faults;

/// <summary>
/// Injects the configured faults into data-plane requests (items, queries, scans, batches, transactions; never table
/// management), at their rate and inside their window, once started. Latency delays the request before it is handled;
/// a failure answers instead of DynamoDB, in DynamoDB's own shape, its message marked (<see cref="InjectedFaults.Marker"/>)
/// so clients can count it apart; a reset drops the connection. The capacity model never sees an injected failure.
/// </summary>
internal sealed class FaultInjector(FaultSettings settings, TimeProvider time, bool startNow)
{
    private readonly long[] injected = new long[FaultKinds.All.Count];
    private long requests;
    private long startedAt = startNow ? time.GetTimestamp() : -1;

    /// <summary>Starts the faults' clock (windows are measured from here); a second call restarts it.</summary>
    public void Start() => Interlocked.Exchange(ref startedAt, time.GetTimestamp());

    public FaultStatistics Snapshot() => new(
        settings.Written,
        Interlocked.Read(ref startedAt) >= 0,
        Interlocked.Read(ref requests),
        FaultKinds.All.Where(k => settings.Rules.Any(r => r.Kind == k)).ToDictionary(FaultKinds.NameOf, k => Interlocked.Read(ref injected[(int)k]), StringComparer.Ordinal));

    /// <summary>
    /// Applies the faults due for this request: waits out injected latency, then returns the failure to answer with
    /// (<see cref="Injection.Response"/>) or drops the connection (<see cref="Injection.Dropped"/>); nothing when none fires.
    /// </summary>
    public async ValueTask<Injection> InjectAsync(ProxyExchange exchange, DynamoOperation operation)
    {
        long start = Interlocked.Read(ref startedAt);
        if (settings.Rules.Count == 0 || start < 0 || !IsDataPlane(operation))
            return default;
        Interlocked.Increment(ref requests);
        var elapsed = time.GetElapsedTime(start);
        foreach (var rule in settings.Rules)
        {
            if (!rule.IsActive(elapsed) || Random.Shared.NextDouble() >= rule.Rate)
                continue;
            Interlocked.Increment(ref injected[(int)rule.Kind]);
            if (rule.Kind == FaultKind.Latency)
            {
                // The client's own timeout still applies: when it gives up, the delay ends with it.
                await Task.Delay(LatencyOf(rule), time, exchange.Aborted);
                continue;
            }

            return rule.Kind == FaultKind.ConnectionReset ? new Injection(null, Dropped: Drop(exchange)) : new Injection(Failure(rule.Kind), Dropped: false);
        }

        return default;
    }

    private static bool IsDataPlane(DynamoOperation operation) =>
        operation is not (DynamoOperation.PassThrough or DynamoOperation.CreateTable or DynamoOperation.UpdateTable or DynamoOperation.DeleteTable or DynamoOperation.DescribeTable);

    /// <summary>DynamoDB's errors for the failure kinds, each marked as injected.</summary>
    internal static WireResponse Failure(FaultKind kind) => kind switch
    {
        FaultKind.InternalServerError => Marked(500, "InternalServerError", "Internal server error (simulator.faults.internalServerError)."),
        FaultKind.ServiceUnavailable => Marked(503, "ServiceUnavailable", "The service is currently unavailable or busy (simulator.faults.serviceUnavailable)."),
        FaultKind.RequestLimitExceeded => Marked(400, "RequestLimitExceeded", "Throughput exceeds the current throughput limit for your account (simulator.faults.requestLimitExceeded)."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an error answer."),
    };

    private static WireResponse Marked(int status, string type, string message) =>
        DynamoErrors.Create(status, DynamoErrors.DynamoNamespace + type, InjectedFaults.Marker + " " + message);

    /// <summary>A reset connection: over loopback the socket is aborted; in process the SDK gets the exceptions a reset gives, marked.</summary>
    private static bool Drop(ProxyExchange exchange)
    {
        const string Message = InjectedFaults.Marker + " The connection was reset (simulator.faults.connectionReset).";
        exchange.Abort(new HttpRequestException(HttpRequestError.ConnectionError, Message, new IOException(Message, new SocketException((int)SocketError.ConnectionReset))));
        return true;
    }

    /// <summary>A log-normal delay with the rule's median and 99th percentile (z of the 99th percentile: 2.326), at most <see cref="FaultSettings.MaxLatency"/>.</summary>
    internal static TimeSpan LatencyOf(FaultRule rule, double? standardNormal = null)
    {
        double median = rule.P50.TotalMilliseconds;
        double sigma = rule.P99 > rule.P50 ? Math.Log(rule.P99.TotalMilliseconds / median) / 2.326 : 0;
        double z = standardNormal ?? StandardNormal();
        double ms = Math.Min(median * Math.Exp(sigma * z), FaultSettings.MaxLatency.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms);
    }

    // Box-Muller on the shared generator (thread-safe); 1 - u keeps the logarithm away from zero.
    private static double StandardNormal() =>
        Math.Sqrt(-2 * Math.Log(1 - Random.Shared.NextDouble())) * Math.Cos(2 * Math.PI * Random.Shared.NextDouble());
}

/// <summary>What the fault injector did to one request: an answer to send instead of DynamoDB's, or a dropped connection.</summary>
internal readonly record struct Injection(WireResponse? Response, bool Dropped)
{
    public bool Handled => Response is not null || Dropped;
}
