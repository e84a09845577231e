namespace LoadLab.Core.Cost;

/// <summary>
/// DynamoDB prices the cost estimate uses: us-east-1, Standard table class (docs/capacity-model.md §19).
/// Prices change and differ by region, so every value can be overridden (<c>loadlab run --prices</c>).
/// </summary>
public sealed record CostPrices
{
    public static readonly CostPrices Default = new();

    /// <summary>Dollars per million read request units (on demand).</summary>
    public double OnDemandReadPerMillion { get; init; } = 0.125;

    /// <summary>Dollars per million write request units (on demand).</summary>
    public double OnDemandWritePerMillion { get; init; } = 0.625;

    /// <summary>Dollars per provisioned RCU-hour.</summary>
    public double ProvisionedReadPerUnitHour { get; init; } = 0.00013;

    /// <summary>Dollars per provisioned WCU-hour.</summary>
    public double ProvisionedWritePerUnitHour { get; init; } = 0.00065;

    /// <summary>
    /// Utilisation a provisioned table would be sized for in the what-if of an on-demand run
    /// (the auto-scaling target): capacity = peak consumed rate ÷ this.
    /// </summary>
    public double TargetUtilization { get; init; } = 0.7;

    /// <summary>The names <see cref="With"/> accepts, as on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["onDemandRead", "onDemandWrite", "provisionedRead", "provisionedWrite", "targetUtilization"];

    /// <summary>A copy with one price replaced; <paramref name="name"/> is one of <see cref="Names"/>.</summary>
    public CostPrices With(string name, double value) => name switch
    {
        "onDemandRead" => this with { OnDemandReadPerMillion = value },
        "onDemandWrite" => this with { OnDemandWritePerMillion = value },
        "provisionedRead" => this with { ProvisionedReadPerUnitHour = value },
        "provisionedWrite" => this with { ProvisionedWritePerUnitHour = value },
        "targetUtilization" => this with { TargetUtilization = value },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown price name."),
    };
}
