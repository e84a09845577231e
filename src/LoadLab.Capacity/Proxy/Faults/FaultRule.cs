namespace LoadLab.Capacity.Proxy.Faults;

/// <summary>
/// One fault to inject: a share of the data-plane requests (<see cref="Rate"/>, 0 to 1), optionally only inside a
/// window [<see cref="From"/>, <see cref="From"/> + <see cref="For"/>) measured from when faults start (the load's
/// start in a run, the server's start for <c>loadlab local</c>).
/// </summary>
public sealed record FaultRule(FaultKind Kind, double Rate)
{
    /// <summary>Start of the window; zero when the fault applies from the start.</summary>
    public TimeSpan From { get; init; }

    /// <summary>Length of the window; null for no end.</summary>
    public TimeSpan? For { get; init; }

    /// <summary>Latency only: the median of the added delay.</summary>
    public TimeSpan P50 { get; init; }

    /// <summary>Latency only: the 99th percentile of the added delay (equal to <see cref="P50"/> for a fixed delay).</summary>
    public TimeSpan P99 { get; init; }

    /// <summary>True when the window covers <paramref name="elapsed"/> since faults started.</summary>
    public bool IsActive(TimeSpan elapsed) => elapsed >= From && (For is not { } length || elapsed < From + length);
}
