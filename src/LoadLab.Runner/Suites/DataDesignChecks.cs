using LoadLab.Core.Text;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Checks a data set against its table: key templates against the key types, index keys and projected attributes
/// against what the items hold, and that the key design gives every sampled item its own key.
/// </summary>
internal static class DataDesignChecks
{
    /// <summary>Items generated to look for keys that collide: the first ones (neighbours share customers, sessions…) and a spread.</summary>
    private const int SampledItems = 256;

    public static void Check(IReadOnlyList<TableDraft> tables, IReadOnlyList<DataDraft> data, SuiteDiagnostics diagnostics)
    {
        foreach (var set in data)
        {
            if (set.Design is not { } design || tables.FirstOrDefault(t => t.Id == set.TableIdNode.Value) is not { Plan: { } table } draft)
                continue;
            var before = diagnostics.Count;
            CheckKeyTemplates(design, set.Plan, table, diagnostics);
            CheckTemplateNames(design, table, diagnostics);
            foreach (var index in draft.Indexes)
                CheckIndex(index, design, set.Plan, draft, diagnostics);
            if (diagnostics.Count == before && set.Plan is { } plan)
                CheckKeysAreUnique(set, plan, table, design, diagnostics);
        }
    }

    private static void CheckKeyTemplates(DataDesignDraft design, DataSetPlan? plan, TablePlan table, SuiteDiagnostics diagnostics)
    {
        if (design.SortTemplateNode is { } sortNode && table.SortKey is null)
            diagnostics.Add(sortNode, $"sk: table '{table.Id}' has no sort key; drop sk, or add a sort key to the table (key: {{ {table.PartitionKey.Name}: {table.PartitionKey.Type}, sk: S }})");
        CheckNumeric(design.PartitionTemplateNode, plan?.PartitionKeyTemplate, "pk", table.PartitionKey, design.Schema, diagnostics);
        if (table.SortKey is { } sort)
            CheckNumeric(design.SortTemplateNode, plan?.SortKeyTemplate, "sk", sort, design.Schema, diagnostics);
    }

    private static void CheckNumeric(ScalarNode? node, string? text, string what, KeyAttribute key, ModelSchema schema, SuiteDiagnostics diagnostics)
    {
        if (node is null || text is null || key.Type != "N")
            return;
        if (!KeyTemplate.Parse(text, schema).IsNumeric)
            diagnostics.Add(node, $"{what}: '{key.Name}' is a number (N), but '{text}' does not always make a number; use number fields, {{index}} or {{shard(N)}} with digits only");
    }

    private static void CheckTemplateNames(DataDesignDraft design, TablePlan table, SuiteDiagnostics diagnostics)
    {
        foreach (var key in design.TemplateKeys)
        {
            if (key.Value == table.PartitionKey.Name || key.Value == table.SortKey?.Name)
                diagnostics.Add(key, $"templates.{key.Value}: '{key.Value}' is a key of table '{table.Id}'; give its template as {(key.Value == table.PartitionKey.Name ? "pk" : "sk")} instead");
        }
    }

    private static void CheckIndex(IndexDraft index, DataDesignDraft design, DataSetPlan? plan, TableDraft table, SuiteDiagnostics diagnostics)
    {
        if (index.Plan is not { } indexPlan || table.Plan is not { } tablePlan)
            return;
        var templates = plan?.Templates ?? [];
        var known = Attributes(design.Schema, templates, tablePlan);
        foreach (var (key, node) in new[] { (indexPlan.PartitionKey, index.PartitionNode), (indexPlan.SortKey, index.SortNode) })
        {
            if (key is null || node is null || key.Name == tablePlan.PartitionKey.Name || key.Name == tablePlan.SortKey?.Name)
                continue;
            var what = $"index '{indexPlan.Name}'";
            if (templates.FirstOrDefault(t => t.Attribute == key.Name) is { } template)
            {
                if (key.Type == "N" && !KeyTemplate.Parse(template.Template, design.Schema).IsNumeric)
                    diagnostics.Add(node, $"{what}: '{key.Name}' is declared N, but its template '{template.Template}' does not always make a number");
                continue;
            }
            if (design.Schema.Fields.FirstOrDefault(f => f.Name == key.Name) is not { } field)
            {
                diagnostics.Add(node, $"{what}: the items of table '{tablePlan.Id}' have no attribute '{key.Name}', so the index would stay empty; "
                    + $"attributes: {string.Join(", ", known)}; or add a template under the data set's templates."
                    + NameSuggestions.DidYouMean(key.Name, known));
                continue;
            }
            if (field.Kind.KeyType() is not { } type)
                diagnostics.Add(node, $"{what}: '{key.Name}' is {field.Kind.Describe()} in model {design.Schema.Model}; index keys must be S, N or B");
            else if (type != key.Type)
                diagnostics.Add(node, $"{what}: '{key.Name}' is {field.Kind.Describe()} in model {design.Schema.Model}, but the index declares it {key.Type}; write {{ name: {key.Name}, type: {type} }}");
        }

        if (indexPlan.Projection == ProjectionKind.Include && index.ProjectionNode is { } projection)
        {
            foreach (var attribute in indexPlan.NonKeyAttributes.Where(a => !known.Contains(a)))
            {
                diagnostics.Add(projection, $"index '{indexPlan.Name}'.projection: the items have no attribute '{attribute}'; attributes: {string.Join(", ", known)}."
                    + NameSuggestions.DidYouMean(attribute, known));
            }
        }
    }

    private static List<string> Attributes(ModelSchema schema, IReadOnlyList<AttributeTemplatePlan> templates, TablePlan table) =>
        [.. schema.Names.Concat(templates.Select(t => t.Attribute)).Append(table.PartitionKey.Name).Concat(table.SortKey is null ? [] : [table.SortKey.Name]).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Generates a few hundred items and reports keys that repeat: repeated keys overwrite each other when seeding, so
    /// the table would hold fewer items than the data set says, and operations would hit the survivors more often.
    /// </summary>
    private static void CheckKeysAreUnique(DataDraft set, DataSetPlan plan, TablePlan table, DataDesignDraft design, SuiteDiagnostics diagnostics)
    {
        DataSetModel model;
        try
        {
            model = DataModels.For(plan);
            model.KeysFor(table);
        }
        catch (ArgumentException ex)
        {
            diagnostics.Add(design.PartitionTemplateNode ?? design.ModelNode, $"data for table '{table.Id}': {ex.Message}");
            return;
        }

        long items = plan.Items;
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (long index in SampleIndexes(items))
        {
            var key = model.KeyOf(index, table);
            string text = string.Join("\u0000", key.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value.S ?? k.Value.N ?? Convert.ToBase64String(k.Value.B.ToArray())));
            if (seen.TryGetValue(text, out long other))
            {
                var node = (Node?)design.SortTemplateNode ?? (Node?)design.PartitionTemplateNode ?? set.TableIdNode;
                diagnostics.Add(node, Formatting.Invariant(
                    $"data for table '{table.Id}': items {other} and {index} get the same key ({Describe(key)}), so seeding would overwrite one with the other; ")
                    + "make the key unique per item, e.g. add a unique field or {index} to the sort key (or the partition key of a table without one)");
                return;
            }
            seen.Add(text, index);
        }
    }

    private static IEnumerable<long> SampleIndexes(long items)
    {
        long first = Math.Min(items, SampledItems);
        for (long i = 0; i < first; i++)
            yield return i;
        if (items <= SampledItems)
            yield break;
        // Fewer items than steps give repeated indexes; an index repeated is not two items with one key.
        long previous = first - 1;
        for (long k = 1; k <= SampledItems; k++)
        {
            long index = first + ((items - first - 1) * k / SampledItems);
            if (index == previous) continue;
            previous = index;
            yield return index;
        }
    }

    private static string Describe(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> key) =>
        string.Join(", ", key.Select(k => $"{k.Key} = {k.Value.S ?? k.Value.N ?? "(binary)"}"));
}
