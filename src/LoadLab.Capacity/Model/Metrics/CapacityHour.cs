namespace LoadLab.Capacity.Model.Metrics;

/// <summary>
/// One clock hour of a table or index, exact however long the run (the cost basis: provisioned
/// capacity is billed per clock hour at its maximum, on-demand per unit consumed).
/// </summary>
public sealed record CapacityHour
{
    public required DateTimeOffset Start { get; init; }

    /// <summary>Start in seconds since the model started (negative when the model began mid-hour).</summary>
    public required double OffsetSeconds { get; init; }

    /// <summary>Seconds of this hour the resource existed in provisioned mode (so far, for the current hour).</summary>
    public double ProvisionedSeconds { get; init; }

    public double OnDemandSeconds { get; init; }

    public double MaxProvisionedReadUnits { get; init; }

    public double MaxProvisionedWriteUnits { get; init; }

    /// <summary>Provisioned units integrated over time (unit-hours), for the integrated cost variant.</summary>
    public double ProvisionedReadUnitHours { get; init; }

    public double ProvisionedWriteUnitHours { get; init; }

    public double ConsumedReadUnits { get; init; }

    public double ConsumedWriteUnits { get; init; }

    /// <summary>Highest 1-minute average consumption in the hour (units/s), for the provisioned what-if.</summary>
    public double PeakMinuteReadUnitsPerSecond { get; init; }

    public double PeakMinuteWriteUnitsPerSecond { get; init; }

    public long ThrottledRequests { get; init; }
}
