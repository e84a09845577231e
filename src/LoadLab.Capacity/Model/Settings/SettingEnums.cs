namespace LoadLab.Capacity.Model.Settings;

/// <summary>How full a provisioned table's burst bucket is when the table is created (docs/capacity-model.md §11).</summary>
public enum BurstFill
{
    /// <summary>Full: the table behaves as if it had been idle for <see cref="CapacitySettings.BurstSeconds"/> (the default; matches an idle table).</summary>
    Full,

    /// <summary>Empty: no burst until unused capacity accumulates.</summary>
    Cold,
}

/// <summary>How admission treats the cost of a request (docs/capacity-model.md §10, debt mode).</summary>
public enum AdmissionMode
{
    /// <summary>Admit while a bucket holds any tokens; the actual cost is deducted afterwards and may leave it in debt (Query/Scan overshoot).</summary>
    Debt,

    /// <summary>Admit only when every bucket holds the estimated cost.</summary>
    Exact,
}

/// <summary>How a throttled transaction is answered (docs/capacity-model.md §17); the proxy reads this, the model does not.</summary>
public enum TransactionThrottleStyle
{
    /// <summary>A top-level ProvisionedThroughputExceeded/Throttling exception, which the SDK retries (the default).</summary>
    TopLevelException,

    /// <summary>TransactionCanceledException with ThrottlingError on the offending actions.</summary>
    TransactionCanceled,
}
