namespace LoadLab.Capacity.Proxy.Faults;

/// <summary>DynamoDB's own failures the simulator can inject, so retry settings can be rehearsed offline.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 <c>InternalServerError</c>: DynamoDB failed the request; the SDK retries it.</summary>
    InternalServerError,

    /// <summary>HTTP 503 <c>ServiceUnavailable</c>: DynamoDB is unavailable or busy; the SDK retries it.</summary>
    ServiceUnavailable,

    /// <summary>HTTP 400 <c>RequestLimitExceeded</c>: the account's request rate was exceeded; the SDK retries it as a throttle.</summary>
    RequestLimitExceeded,

    /// <summary>The connection is dropped without an answer (reset); the client sees a network error.</summary>
    ConnectionReset,

    /// <summary>The answer is delayed (a log-normal distribution set by its median and 99th percentile).</summary>
    Latency,
}

/// <summary>The names the suite and <c>--simulator faults.NAME=…</c> use.</summary>
public static class FaultKinds
{
    /// <summary>Every kind, in the order the simulator considers them for a request.</summary>
    public static IReadOnlyList<FaultKind> All { get; } = Enum.GetValues<FaultKind>();

    /// <summary>camelCase names: internalServerError, serviceUnavailable, requestLimitExceeded, connectionReset, latency.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(NameOf)];

    public static string NameOf(FaultKind kind)
    {
        string name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(NameOf(k), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
