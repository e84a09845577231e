using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a scenario's <c>keys:</c>, e.g. <c>{ distribution: zipfian, theta: 0.99, scrambled: true }</c>: the
/// distribution and the parameters that distribution takes (<see cref="SuiteKeys.DistributionParameters"/>).
/// Whether a hot key index lies inside the data set is checked by <see cref="SuiteValidator"/>, which knows its size.
/// </summary>
internal static class KeysBinder
{
    public static KeysDraft Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "keys", diagnostics);
        if (mapping is null)
            return new KeysDraft(null, null);
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "keys", SuiteKeys.KeyDistribution, diagnostics);
        var kind = reader.Required("distribution", "how operations pick keys: " + string.Join(", ", SuiteValues.Distributions)) is { } d
            ? ScalarReader.Choice(d, "keys.distribution", SuiteValues.Distributions, diagnostics)
            : null;
        if (kind is not null)
            CheckParameters(reader, kind, diagnostics);

        var plan = new KeyDistributionPlan(kind ?? "uniform");
        if (reader.Optional("theta") is { } theta && ScalarReader.Number(theta, "keys.theta", 0, SuiteValues.MaxTheta, minExclusive: true, diagnostics) is { } t)
            plan = plan with { Theta = t };
        if (reader.Optional("scrambled") is { } scrambled && OptionReader.Bool(scrambled, "keys.scrambled", diagnostics) is { } s)
            plan = plan with { Scrambled = s };
        if (reader.Optional("hotSetFraction") is { } hotSet && Fraction(hotSet, "keys.hotSetFraction", diagnostics) is { } hs)
            plan = plan with { HotSetFraction = hs };
        if (reader.Optional("hotOperationFraction") is { } hotOps && Fraction(hotOps, "keys.hotOperationFraction", diagnostics) is { } ho)
            plan = plan with { HotOperationFraction = ho };
        var hotKeyNode = reader.Optional("hotKeyIndex");
        if (hotKeyNode is not null && ScalarReader.Long(hotKeyNode, "keys.hotKeyIndex", 0, SuiteValues.MaxItems - 1, diagnostics) is { } hk)
            plan = plan with { HotKeyIndex = hk };

        return new KeysDraft(kind is null || diagnostics.Count > before ? null : plan, hotKeyNode);
    }

    private static void CheckParameters(MappingReader reader, string kind, SuiteDiagnostics diagnostics)
    {
        var takes = SuiteKeys.DistributionParameters(kind);
        foreach (var (key, _) in reader.Entries)
        {
            // Unknown keys are already reported by the reader; here only known parameters of another distribution.
            if (key.Value == "distribution" || !SuiteKeys.KeyDistribution.Contains(key.Value) || takes.Contains(key.Value))
                continue;
            var accepted = takes.Count == 0 ? "it takes no parameters" : "it takes " + string.Join(", ", takes);
            var owners = SuiteValues.Distributions.Where(o => SuiteKeys.DistributionParameters(o).Contains(key.Value));
            diagnostics.Add(key, $"keys: '{key.Value}' does not apply to distribution '{kind}'; {accepted} ('{key.Value}' is for {string.Join(", ", owners)})");
        }
    }

    /// <summary>A share in (0, 1]: zero would make the hot set or the hot traffic vanish.</summary>
    private static double? Fraction(Node node, string what, SuiteDiagnostics diagnostics) =>
        ScalarReader.Number(node, what, 0, 1, minExclusive: true, diagnostics);
}
