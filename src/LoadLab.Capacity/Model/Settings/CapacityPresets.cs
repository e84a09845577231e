using LoadLab.Core.Text;

namespace LoadLab.Capacity.Model.Settings;

/// <summary>
/// The named starting points for <see cref="CapacitySettings"/>; the allowed names live here only.
/// The report states which preset ran, because the documented and optimistic readings of the
/// on-demand rules are both legitimate (docs/capacity-model.md §15).
/// </summary>
public static class CapacityPresets
{
    /// <summary>The documented numbers (docs/capacity-model.md §21), including the documented worst case of a 30-minute on-demand peak lag.</summary>
    public const string Documented = "documented";

    /// <summary>As documented, but a new on-demand peak counts after 2 minutes: the commonly observed fast ramp.</summary>
    public const string Optimistic = "optimistic";

    /// <summary>Pre-2018 behaviour: provisioned capacity split evenly over partitions, each with a 300 s burst.</summary>
    public const string LegacyNoAdaptive = "legacy-no-adaptive";

    public static IReadOnlyList<string> Names { get; } = [Documented, Optimistic, LegacyNoAdaptive];

    /// <summary>The preset's settings. Unknown names throw <see cref="CapacitySettingsException"/> listing the allowed ones.</summary>
    public static CapacitySettings Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var documented = new CapacitySettings();
        return name.Trim().ToLowerInvariant() switch
        {
            Documented => documented,
            Optimistic => documented with { Preset = Optimistic, OnDemandPeakLag = TimeSpan.FromMinutes(2) },
            LegacyNoAdaptive => documented with { Preset = LegacyNoAdaptive, LegacyNoAdaptive = true, BurstSeconds = 300 },
            _ => throw new CapacitySettingsException(
                [$"Unknown capacity preset '{name}'; use one of {string.Join(", ", Names)}." + NameSuggestions.DidYouMean(name, Names, SettingParameters.ParameterMaxDistance)]),
        };
    }

    /// <summary>A preset (null or empty = documented) with overrides applied: what the suite's <c>simulator:</c> section gives.</summary>
    public static CapacitySettings Resolve(string? preset, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = Get(string.IsNullOrWhiteSpace(preset) ? Documented : preset);
        return overrides is null || overrides.Count == 0 ? settings : settings.WithOverrides(overrides);
    }
}
