namespace LoadLab.Capacity.Proxy.Faults;

/// <summary>
/// What the simulator injected: the faults configured (as written), the data-plane requests it saw since faults
/// started, and per kind how many of them got an injected fault. Served in <c>GET /_loadlab/metrics</c> and in a run's
/// results (<c>simulator.faults</c>), apart from every real outcome.
/// </summary>
/// <param name="Started">False until faults start (a run starts them with its load).</param>
public sealed record FaultStatistics(
    IReadOnlyDictionary<string, string> Settings,
    bool Started,
    long Requests,
    IReadOnlyDictionary<string, long> Injected)
{
    /// <summary>True when any fault is configured.</summary>
    public bool Configured => Settings.Count > 0;
}
