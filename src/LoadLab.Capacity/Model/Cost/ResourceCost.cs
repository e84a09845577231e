using System.Text.Json.Serialization;

namespace LoadLab.Capacity.Model.Cost;

/// <summary>What one table or GSI cost over the run, and what the same trace would cost in the other mode (dollars).</summary>
public sealed record ResourceCost
{
    public required string Table { get; init; }

    public string? Index { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<CapacityBillingMode>))]
    public CapacityBillingMode Mode { get; init; }

    /// <summary>Units consumed while on demand, at the on-demand prices.</summary>
    public double OnDemandDollars { get; init; }

    /// <summary>Provisioned capacity, each clock hour at its maximum (how AWS bills).</summary>
    public double ProvisionedDollars { get; init; }

    /// <summary>Provisioned capacity integrated over time: the lenient variant, for short runs.</summary>
    public double ProvisionedIntegratedDollars { get; init; }

    public double StorageDollars { get; init; }

    /// <summary>On-demand + provisioned (per clock hour) + storage.</summary>
    public double TotalDollars { get; init; }

    /// <summary>Every consumed unit priced on demand.</summary>
    public double WhatIfOnDemandDollars { get; init; }

    /// <summary>Each clock hour provisioned at its peak minute rate ÷ the what-if target utilisation (at least 1 unit).</summary>
    public double WhatIfProvisionedDollars { get; init; }

    /// <summary>The other mode's cost of the same trace plus storage (on demand → provisioned, provisioned → on demand).</summary>
    public double WhatIfOtherModeDollars { get; init; }
}

/// <summary>The cost of a whole snapshot, per table and GSI.</summary>
public sealed record CostEstimate(IReadOnlyList<ResourceCost> Resources, double TotalDollars, double WhatIfOtherModeDollars);
