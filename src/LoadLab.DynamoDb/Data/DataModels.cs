using System.Diagnostics.CodeAnalysis;

namespace LoadLab.DynamoDb.Data;

/// <summary>The data models suites may name. Adding a model means adding it here and nowhere else.</summary>
public static class DataModels
{
    private static readonly IDataModel[] All = [CustomerModel.Instance];

    /// <summary>Allowed model names, for validation messages and the JSON schema.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(All.Select(m => m.Name).ToArray());

    public static bool TryGet(string name, [NotNullWhen(true)] out IDataModel? model)
    {
        model = Array.Find(All, m => string.Equals(m.Name, name, StringComparison.Ordinal));
        return model is not null;
    }

    /// <summary>The model called <paramref name="name"/>; an <see cref="ArgumentException"/> listing the allowed names otherwise.</summary>
    public static IDataModel Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var model)
            ? model
            : throw new ArgumentException($"Unknown data model '{name}'. Allowed: {string.Join(", ", Names)}.", nameof(name));
    }
}
