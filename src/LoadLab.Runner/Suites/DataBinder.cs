using LoadLab.Core.Text;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Custom;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.Runner.Suites;

/// <summary>A data set as bound; the table id is checked against the tables by <see cref="SuiteValidator"/>.</summary>
internal sealed record DataDraft(ScalarNode TableIdNode, DataSetPlan? Plan)
{
    /// <summary>The model's fields and the positions of templates and size, for checks against the table.</summary>
    public DataDesignDraft? Design { get; init; }
}

/// <summary>What <see cref="DataDesignChecks"/> needs of a data set beyond its plan.</summary>
internal sealed record DataDesignDraft(
    ModelSchema Schema,
    Node ModelNode,
    ScalarNode? PartitionTemplateNode,
    ScalarNode? SortTemplateNode,
    IReadOnlyList<ScalarNode> TemplateKeys,
    Node? SizeNode);

/// <summary>
/// Binds <c>data:</c>, a mapping of table id to the items seeded into it: model (built-in name or
/// <c>{ fields: … }</c>), items, seed, locale, key templates pk and sk, extra templates, and item size.
/// </summary>
internal static class DataBinder
{
    public static IReadOnlyList<DataDraft> BindAll(Node node, long runSeed, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "data", diagnostics);
        if (mapping is null)
            return [];
        var reader = MappingReader.Open(mapping, "data", diagnostics);
        return [.. reader.Entries.Select(e => Bind(e.Key, e.Value, runSeed, diagnostics))];
    }

    private static DataDraft Bind(ScalarNode tableIdNode, Node node, long runSeed, SuiteDiagnostics diagnostics)
    {
        var context = $"data for table '{tableIdNode.Value}'";
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return new DataDraft(tableIdNode, null);
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, context, SuiteKeys.DataSet, diagnostics);
        var modelNode = reader.Required("model", "the data model, one of " + string.Join(", ", SuiteValues.Models) + ", or { fields: … }");
        var (model, customFields, schema) = modelNode is null ? (null, null, null) : Model(modelNode, diagnostics);
        var items = reader.Required("items", "how many items to seed") is { } itemsNode
            ? ScalarReader.Long(itemsNode, "items", 1, SuiteValues.MaxItems, diagnostics)
            : null;
        // Without its own seed a data set follows the run's seed, so --seed changes the data too.
        var seed = reader.Optional("seed") is { } seedNode
            ? ScalarReader.Long(seedNode, "seed", long.MinValue, long.MaxValue, diagnostics)
            : runSeed;
        var locale = reader.Optional("locale") is { } localeNode
            ? ScalarReader.Choice(localeNode, "locale", SuiteValues.Locales, diagnostics)
            : DataSetPlan.DefaultLocale;

        var partitionNode = reader.Optional("pk") as ScalarNode ?? NotText(reader.Optional("pk"), "pk", diagnostics);
        var sortNode = reader.Optional("sk") as ScalarNode ?? NotText(reader.Optional("sk"), "sk", diagnostics);
        var partition = partitionNode is null ? null : Template(partitionNode, "pk", schema, diagnostics);
        var sort = sortNode is null ? null : Template(sortNode, "sk", schema, diagnostics);
        var (templates, templateKeys) = reader.Optional("templates") is { } templatesNode
            ? Templates(templatesNode, schema, diagnostics)
            : ([], []);
        var sizeNode = reader.Optional("size");
        var size = sizeNode is null ? null : ItemSizeBinder.Bind(sizeNode, diagnostics);
        if (size is not null && sizeNode is not null && schema?.Fields.Any(f => f.Name == size.Attribute) == true)
            diagnostics.Add(sizeNode, $"size: the padding attribute '{size.Attribute}' is a field of model {schema.Model}; name another with size.attribute");

        var design = schema is null || modelNode is null
            ? null
            : new DataDesignDraft(schema, modelNode, partitionNode, sortNode, templateKeys, sizeNode);
        if (diagnostics.Count > before || model is null || items is null || seed is null || locale is null)
            return new DataDraft(tableIdNode, null) { Design = design };
        var plan = new DataSetPlan
        {
            TableId = tableIdNode.Value,
            Model = model,
            Items = items.Value,
            Seed = seed.Value,
            Locale = locale,
            PartitionKeyTemplate = partition,
            SortKeyTemplate = sort,
            Templates = templates.Count == 0 ? [] : templates,
            Size = size,
            CustomFields = customFields,
        };
        return new DataDraft(tableIdNode, plan) { Design = design };
    }

    private static (string? Model, IReadOnlyList<CustomFieldPlan>? Fields, ModelSchema? Schema) Model(Node node, SuiteDiagnostics diagnostics)
    {
        if (node is MappingNode mapping)
        {
            var fields = CustomModelBinder.Bind(mapping, diagnostics);
            return fields is null ? (null, null, null) : (DataSetPlan.CustomModelName, fields, CustomModels.SchemaOf(fields));
        }
        if (node is ScalarNode { IsNull: false } scalar && !SuiteValues.Models.Contains(scalar.Value))
        {
            diagnostics.Add(node, $"model: expected one of {string.Join(", ", SuiteValues.Models)}, or fields of your own (model: {{ fields: {{ … }} }}), found '{scalar.Value}'."
                + NameSuggestions.DidYouMean(scalar.Value, SuiteValues.Models));
            return (null, null, null);
        }
        var name = ScalarReader.Choice(node, "model", SuiteValues.Models, diagnostics);
        return name is not null && DataModels.TryGetSchema(name, out var schema) ? (name, null, schema) : (null, null, null);
    }

    private static string? Template(ScalarNode node, string what, ModelSchema? schema, SuiteDiagnostics diagnostics)
    {
        var text = ScalarReader.Text(node, what, diagnostics);
        if (text is null || schema is null)
            return text;
        try
        {
            KeyTemplate.Parse(text, schema);
            return text;
        }
        catch (DataDesignException ex)
        {
            diagnostics.Add(node, $"{what}: {ex.Message}." + (ex.Unknown is { } unknown ? NameSuggestions.DidYouMean(unknown, ex.Candidates) : string.Empty));
            return null;
        }
    }

    private static (IReadOnlyList<AttributeTemplatePlan>, IReadOnlyList<ScalarNode>) Templates(Node node, ModelSchema? schema, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "templates", diagnostics);
        if (mapping is null)
            return ([], []);
        var reader = MappingReader.Open(mapping, "templates", diagnostics);
        var templates = new List<AttributeTemplatePlan>();
        var keys = new List<ScalarNode>();
        foreach (var (key, value) in reader.Entries)
        {
            var what = "templates." + key.Value;
            if (schema?.Fields.Any(f => f.Name == key.Value) == true)
            {
                diagnostics.Add(key, $"{what}: '{key.Value}' is already a field of model {schema.Model}; a template attribute needs a name of its own, e.g. gsi1pk");
                continue;
            }
            if (System.Text.Encoding.UTF8.GetByteCount(key.Value) > SuiteValues.MaxAttributeNameBytes)
            {
                diagnostics.Add(key, Formatting.Invariant($"{what}: attribute names here are at most {SuiteValues.MaxAttributeNameBytes} bytes"));
                continue;
            }
            if ((value as ScalarNode ?? NotText(value, what, diagnostics)) is { } scalar && Template(scalar, what, schema, diagnostics) is { } text)
            {
                templates.Add(new AttributeTemplatePlan(key.Value, text));
                keys.Add(key);
            }
        }
        return (templates, keys);
    }

    private static ScalarNode? NotText(Node? node, string what, SuiteDiagnostics diagnostics)
    {
        if (node is not null)
            diagnostics.Add(node, $"{what}: expected a key template such as \"CUSTOMER#{{customerId}}\", found {node.Found}");
        return null;
    }
}
