namespace LoadLab.DynamoDb.Data.Schema;

/// <summary>The attributes of a model's items (keys, templates and padding aside), for validating templates and indexes.</summary>
public sealed class ModelSchema
{
    /// <summary>The pseudo-field every template may use: the item index.</summary>
    public const string IndexField = "index";

    public ModelSchema(string model, IReadOnlyList<ModelField> fields)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fields);
        Model = model;
        Fields = fields;
    }

    /// <summary>The model's name, for messages.</summary>
    public string Model { get; }

    public IReadOnlyList<ModelField> Fields { get; }

    /// <summary>Top-level field names in order.</summary>
    public IEnumerable<string> Names => Fields.Select(f => f.Name);

    /// <summary>Every path a template may name: top-level fields and the entries of maps (<c>address.city</c>).</summary>
    public IEnumerable<string> Paths => PathsOf(Fields, prefix: string.Empty);

    /// <summary>The field at a dotted path, or null.</summary>
    public ModelField? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        IReadOnlyList<ModelField>? level = Fields;
        ModelField? found = null;
        foreach (var part in path.Split('.'))
        {
            found = level?.FirstOrDefault(f => string.Equals(f.Name, part, StringComparison.Ordinal));
            if (found is null)
                return null;
            level = found.Fields;
        }

        return found;
    }

    private static IEnumerable<string> PathsOf(IReadOnlyList<ModelField> fields, string prefix)
    {
        foreach (var field in fields)
        {
            yield return prefix + field.Name;
            if (field.Fields is { } children)
            {
                foreach (var child in PathsOf(children, prefix + field.Name + "."))
                    yield return child;
            }
        }
    }
}
