using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data.BuiltIn;
using LoadLab.DynamoDb.Data.Custom;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data;

/// <summary>The data models suites may name, and the binding of a data set to its model. Adding a model means adding it here.</summary>
public static class DataModels
{
    private static readonly Dictionary<string, Func<string, IItemGenerator>> BuiltIn = new(StringComparer.Ordinal)
    {
        [CustomerGenerator.ModelName] = locale => new CustomerGenerator(locale),
        [OrderGenerator.ModelName] = locale => new OrderGenerator(locale),
        [ProductGenerator.ModelName] = locale => new ProductGenerator(locale),
        [SessionEventGenerator.ModelName] = _ => new SessionEventGenerator(),
        [IotReadingGenerator.ModelName] = _ => new IotReadingGenerator(),
    };

    // Generators hold per-locale pools; one per (model, locale) shares them between data sets and runs.
    private static readonly ConcurrentDictionary<(string Model, string Locale), IItemGenerator> Generators = new();

    private static readonly ConcurrentDictionary<string, IDataModel> Defaults = new(StringComparer.Ordinal);

    /// <summary>Built-in model names, for validation messages and the JSON schema.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [CustomerGenerator.ModelName, OrderGenerator.ModelName, ProductGenerator.ModelName, SessionEventGenerator.ModelName, IotReadingGenerator.ModelName];

    /// <summary>Bogus locale codes a data set may use, e.g. en, de, fr_CA, ja.</summary>
    public static IReadOnlyList<string> Locales { get; } = [.. Bogus.Database.GetAllLocales()];

    /// <summary>The schema of a built-in model.</summary>
    public static bool TryGetSchema(string name, [NotNullWhen(true)] out ModelSchema? schema)
    {
        schema = BuiltIn.ContainsKey(name) ? Generator(name, DataSetPlan.DefaultLocale).Schema : null;
        return schema is not null;
    }

    /// <summary>A built-in model with its default keys, locale and sizes; its <see cref="IDataModel.KeyOf"/> uses seed 0.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out IDataModel? model)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!BuiltIn.ContainsKey(name))
        {
            model = null;
            return false;
        }

        model = name == CustomerModel.ModelName
            ? CustomerModel.Instance
            : Defaults.GetOrAdd(name, n => Bind(new DataSetPlan { TableId = string.Empty, Model = n, Items = 0, Seed = 0 }));
        return true;
    }

    /// <summary>The model called <paramref name="name"/>; an <see cref="ArgumentException"/> listing the allowed names otherwise.</summary>
    public static IDataModel Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var model)
            ? model
            : throw new ArgumentException($"Unknown data model '{name}'. Allowed: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>
    /// The model of a data set with everything the suite set: built-in or custom model, locale, key templates, sizes.
    /// This is what seeding and operations should use; <see cref="Get"/> knows only the model's name.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown model or locale, or a custom field that does not compile.</exception>
    public static DataSetModel For(DataSetPlan dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        if (!Locales.Contains(dataSet.Locale))
            throw new ArgumentException($"Unknown locale '{dataSet.Locale}'. Allowed: {string.Join(", ", Locales)}.", nameof(dataSet));
        return Bind(dataSet);
    }

    internal static IItemGenerator Generator(string name, string locale) =>
        Generators.GetOrAdd((name, locale), key => BuiltIn[key.Model](key.Locale));

    private static DataSetModel Bind(DataSetPlan dataSet)
    {
        if (dataSet.Model == DataSetPlan.CustomModelName)
        {
            var fields = dataSet.CustomFields ?? throw new ArgumentException("A custom data set needs its fields.", nameof(dataSet));
            try
            {
                return new DataSetModel(new CustomGenerator(fields, dataSet.Locale), dataSet);
            }
            catch (DataDesignException ex)
            {
                throw new ArgumentException("Custom model: " + ex.Message, nameof(dataSet), ex);
            }
        }

        if (!BuiltIn.ContainsKey(dataSet.Model))
            throw new ArgumentException($"Unknown data model '{dataSet.Model}'. Allowed: {string.Join(", ", Names)}, or fields of your own.", nameof(dataSet));
        return new DataSetModel(Generator(dataSet.Model, dataSet.Locale), dataSet);
    }
}
