using System.Globalization;

namespace LoadLab.Runner.Safety;

/// <summary>The command-line switches of the safety guards, shared by run, seed and teardown.</summary>
internal sealed record SafetyOptions
{
    public static readonly SafetyOptions Default = new();

    /// <summary>Allow --env prod; even then only read operations run there.</summary>
    public bool AllowProd { get; init; }

    /// <summary>Confirms destructive actions without asking (needed when not on a terminal).</summary>
    public bool Yes { get; init; }

    /// <summary>Refuse a run whose planned on-demand cost is higher, in US dollars; null for no limit.</summary>
    public double? MaxCostDollars { get; init; }

    /// <summary>Put the AWS account id into the reports (otherwise it never appears).</summary>
    public bool ShowAccount { get; init; }

    /// <summary>run --teardown: delete the tables this run created once it ends (except keep: true).</summary>
    public bool Teardown { get; init; }

    /// <summary>teardown --include-kept: also delete LoadLab's tables marked keep: true.</summary>
    public bool IncludeKept { get; init; }
}
