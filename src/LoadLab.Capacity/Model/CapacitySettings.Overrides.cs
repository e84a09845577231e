using LoadLab.Capacity.Model.Settings;

namespace LoadLab.Capacity.Model;

public sealed partial record CapacitySettings
{
    /// <summary>
    /// A copy with parameters set by camelCase name (e.g. <c>burstSeconds: 120</c>,
    /// <c>onDemandPeakLag: 2m</c>, <c>admissionMode: exact</c>), parsed with the invariant culture.
    /// Unknown names and bad values throw <see cref="CapacitySettingsException"/> listing every
    /// problem, the allowed names and a did-you-mean. The overrides are remembered for the report.
    /// </summary>
    public CapacitySettings WithOverrides(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return SettingParameters.Apply(this, overrides);
    }

    /// <summary>Every parameter in force as text (name → value), for the report.</summary>
    public IReadOnlyDictionary<string, string> Describe() => SettingParameters.Describe(this);
}
