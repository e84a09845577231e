namespace LoadLab.Tracing.Sampling;

/// <summary>Why an operation was traced. The order is the index of the counters.</summary>
public enum KeepReason
{
    None = 0,

    /// <summary>Chosen up front: the reservoir or the rate.</summary>
    Sampled = 1,

    /// <summary>An attempt was throttled (also when a retry then succeeded).</summary>
    Throttled = 2,

    /// <summary>The operation failed (client error, server error, timeout, network).</summary>
    Failed = 3,

    /// <summary>Slower than the slow threshold.</summary>
    Slow = 4,
}

public static class KeepReasons
{
    public static string Name(this KeepReason reason) => reason switch
    {
        KeepReason.Sampled => "sampled",
        KeepReason.Throttled => "throttled",
        KeepReason.Failed => "failed",
        KeepReason.Slow => "slow",
        _ => "none",
    };
}
