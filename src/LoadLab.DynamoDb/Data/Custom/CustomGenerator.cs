using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Execution;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data.BuiltIn;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>
/// A model declared in the suite (<c>model: { fields: … }</c>), compiled once. Every field draws from its own stream
/// keyed by its path, so adding or reordering fields leaves the others unchanged. Like the built-in models it also
/// writes <c>version</c> and <c>updatedAt</c> (unless the suite declares them), which puts refresh.
/// </summary>
internal sealed class CustomGenerator : IItemGenerator
{
    private static readonly string FixedUpdatedAt = Fakers.Reference.ToString(Values.Seconds, System.Globalization.CultureInfo.InvariantCulture);

    private readonly (string Name, ulong Salt, ValueNode Value)[] fields;
    private readonly bool addVersion;
    private readonly bool addUpdatedAt;

    /// <exception cref="DataDesignException">A field cannot be compiled; the message names it.</exception>
    public CustomGenerator(IReadOnlyList<CustomFieldPlan> plan, string locale)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Count == 0)
            throw new DataDesignException("a custom model needs at least one field");
        fields = [.. Compile(plan, prefix: string.Empty, locale)];
        addVersion = !fields.Any(f => f.Name == ItemAttributes.Version);
        addUpdatedAt = !fields.Any(f => f.Name == ItemAttributes.UpdatedAt);
        var schemaFields = fields.Select(f => new ModelField(f.Name, f.Value.Kind, f.Value.Fields)).ToList();
        if (addVersion)
            schemaFields.Add(new ModelField(ItemAttributes.Version, FieldKind.Number));
        if (addUpdatedAt)
            schemaFields.Add(new ModelField(ItemAttributes.UpdatedAt, FieldKind.Date));
        Schema = new ModelSchema(DataSetPlan.CustomModelName, schemaFields);
    }

    public string Name => DataSetPlan.CustomModelName;

    public ModelSchema Schema { get; }

    public KeyDefaults Keys { get; } = new("ITEM#{index:D10}", "ITEM#{index:D10}", "ITEM", NumericSort: "0");

    public void Generate(ItemContext context, Dictionary<string, AttributeValue> item)
    {
        foreach (var (name, salt, value) in fields)
        {
            context.Stream(salt);
            item[name] = value.Generate(context);
        }

        if (addVersion)
            item[ItemAttributes.Version] = Values.N(1);
        if (addUpdatedAt)
            item[ItemAttributes.UpdatedAt] = Values.S(FixedUpdatedAt);
    }

    private static IEnumerable<(string, ulong, ValueNode)> Compile(IReadOnlyList<CustomFieldPlan> plan, string prefix, string locale)
    {
        foreach (var field in plan)
        {
            string path = prefix + field.Name;
            ValueNode node;
            try
            {
                node = field.Fields is { } children
                    ? new MapNode([.. Compile(children, path + ".", locale)])
                    : ExpressionCompiler.Compile(field.Expression ?? throw new DataDesignException("no expression"), locale);
            }
            catch (DataDesignException ex) when (!ex.Message.StartsWith("field '", StringComparison.Ordinal))
            {
                throw ex.Unknown is { } unknown
                    ? new DataDesignException($"field '{path}': {ex.Message}", unknown, ex.Candidates)
                    : new DataDesignException($"field '{path}': {ex.Message}", ex);
            }

            yield return (field.Name, DeterministicHash.Of("field:" + path), node);
        }
    }
}
