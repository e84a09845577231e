using System.Reflection;
using LoadLab.Core.Text;

namespace LoadLab.Capacity.Model.Settings;

/// <summary>
/// The overridable parameters of <see cref="CapacitySettings"/>, by camelCase name: the property
/// list itself, so a new setting is overridable (and reported) the moment it is declared.
/// </summary>
public static class SettingParameters
{
    /// <summary>Edits allowed for a did-you-mean: the names are long (partitionMaxWriteUnitsPerSecond), so three typos still point at one.</summary>
    internal const int ParameterMaxDistance = 3;

    // Identity of the settings object, not tunables: chosen through CapacityPresets or set by WithOverrides.
    private static readonly HashSet<string> NotParameters = new(StringComparer.Ordinal)
    {
        nameof(CapacitySettings.Preset),
        nameof(CapacitySettings.Overrides),
        nameof(CapacitySettings.Faults),
    };

    private static readonly PropertyInfo[] Properties = typeof(CapacitySettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.SetMethod is { IsPublic: true } && !NotParameters.Contains(p.Name))
        .ToArray();

    private static readonly Dictionary<string, PropertyInfo> ByName =
        Properties.ToDictionary(p => CamelCase(p.Name), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name an override may use, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Properties.Select(p => CamelCase(p.Name)).ToArray();

    /// <summary>The CLR type of a parameter (int, long bytes, double, TimeSpan, bool, an enum, string), for the suite schema.</summary>
    public static Type TypeOf(string name) => ByName[name].PropertyType;

    /// <summary>What a value of the parameter may be, in words, e.g. "a whole number".</summary>
    public static string ExpectedOf(string name) => SettingValueParser.Expected(ByName[name].PropertyType, ByName[name].Name);

    /// <summary>Enum values as overrides write them (kebab case), or empty for other types.</summary>
    public static IReadOnlyList<string> ChoicesOf(string name) =>
        ByName[name].PropertyType is { IsEnum: true } type ? [.. Enum.GetNames(type).Select(SettingValueParser.Kebab)] : [];

    /// <summary>Every parameter in force as override text (name → value), for the report.</summary>
    public static IReadOnlyDictionary<string, string> Describe(CapacitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in Properties)
            values[CamelCase(property.Name)] = SettingValueParser.Format(property.GetValue(settings));
        return values;
    }

    internal static CapacitySettings Apply(CapacitySettings settings, IReadOnlyDictionary<string, string> overrides)
    {
        var result = settings with { };
        var errors = new List<string>();
        var applied = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in settings.Overrides)
            applied[name] = value;
        foreach (var (name, text) in overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!ByName.TryGetValue(name, out var property))
            {
                errors.Add(UnknownName(name));
                continue;
            }

            var canonical = CamelCase(property.Name);
            if (!SettingValueParser.TryParse(property.PropertyType, property.Name, text ?? string.Empty, out var value, out var expected))
            {
                errors.Add($"Simulator parameter '{canonical}': expected {expected}, found '{text}'.");
                continue;
            }

            property.SetValue(result, value);
            applied[canonical] = text!.Trim();
        }

        result = result with { Overrides = applied };
        errors.AddRange(SettingsValidator.Validate(result));
        if (errors.Count > 0)
            throw new CapacitySettingsException(errors);
        return result;
    }

    private static string UnknownName(string name)
    {
        var hint = string.Equals(name, nameof(CapacitySettings.Faults), StringComparison.OrdinalIgnoreCase)
            ? " Faults are set one by one, e.g. faults.internalServerError=2% (simulator.faults in a suite)."
            : NotParameters.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? " Choose the preset with the simulator's preset setting (one of " + string.Join(", ", CapacityPresets.Names) + ")."
            : NameSuggestions.DidYouMean(name, Names, ParameterMaxDistance);
        return $"Unknown simulator parameter '{name}'.{hint} Allowed: {string.Join(", ", Names)}.";
    }

    private static string CamelCase(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
