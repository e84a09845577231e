using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds <c>failOn: { errorRate: 1%, unreachableFor: 5s, seedingStalledFor: 1m }</c>: the error rate above which a run
/// fails even without budgets (the budget grammar of <c>errors:</c>, or <c>off</c>), how long the target may go without
/// answering, and how long seeding may go without writing an item.
/// </summary>
internal static class FailOnBinder
{
    /// <summary>The word that turns the error-rate rule off.</summary>
    public const string Off = "off";

    /// <summary>The longest <c>unreachableFor</c>: beyond it a dead target would hold a CI job for nothing.</summary>
    public static readonly TimeSpan MaxUnreachableFor = TimeSpan.FromMinutes(10);

    /// <summary>The longest <c>seedingStalledFor</c>: a seeding that wrote nothing for an hour will not recover.</summary>
    public static readonly TimeSpan MaxSeedingStalledFor = TimeSpan.FromHours(1);

    public static FailOnPlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "failOn", diagnostics);
        if (mapping is null)
            return null;
        int before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "failOn", SuiteKeys.FailOn, diagnostics);
        var plan = FailOnPlan.Default;
        if (reader.Optional("errorRate") is { } rate)
        {
            plan = rate is ScalarNode { Value: Off }
                ? plan with { ErrorRateOff = true }
                : plan with { ErrorRate = BudgetLimits.ErrorRate(rate, "failOn.errorRate", $"or {Off}", diagnostics) };
        }

        if (reader.Optional("unreachableFor") is { } unreachable)
        {
            var span = ScalarReader.Duration(unreachable, "failOn.unreachableFor", positive: true, diagnostics);
            if (span is { } value && (value < TimeSpan.FromSeconds(1) || value > MaxUnreachableFor))
                diagnostics.Add(unreachable, $"failOn.unreachableFor: expected a duration from 1s to {Formatting.Duration(MaxUnreachableFor)}, e.g. 5s (the default) or 30s");
            else if (span is { } valid)
                plan = plan with { UnreachableFor = valid };
        }

        if (reader.Optional("seedingStalledFor") is { } stalled)
        {
            var span = ScalarReader.Duration(stalled, "failOn.seedingStalledFor", positive: true, diagnostics);
            if (span is { } value && (value < TimeSpan.FromSeconds(1) || value > MaxSeedingStalledFor))
                diagnostics.Add(stalled, $"failOn.seedingStalledFor: expected a duration from 1s to {Formatting.Duration(MaxSeedingStalledFor)}, e.g. 1m (the default)");
            else if (span is { } valid)
                plan = plan with { SeedingStalledFor = valid };
        }

        return diagnostics.Count > before ? null : plan;
    }
}
