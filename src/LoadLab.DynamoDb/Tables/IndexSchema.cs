using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Tables;

/// <summary>Secondary indexes of a <see cref="TablePlan"/> as DynamoDB's request and description types, and their comparison.</summary>
internal static class IndexSchema
{
    /// <summary>DynamoDB's limits per table.</summary>
    public const int MaxGlobalIndexes = 20;
    public const int MaxLocalIndexes = 5;

    public static void AddTo(CreateTableRequest request, TablePlan table)
    {
        var globals = new List<GlobalSecondaryIndex>();
        var locals = new List<LocalSecondaryIndex>();
        foreach (var index in table.Indexes)
        {
            if (index.Kind == IndexKind.Local)
            {
                locals.Add(new LocalSecondaryIndex { IndexName = index.Name, KeySchema = KeySchema(index), Projection = Projection(index) });
                continue;
            }

            var global = new GlobalSecondaryIndex { IndexName = index.Name, KeySchema = KeySchema(index), Projection = Projection(index) };
            if (table.Capacity.Mode == CapacityMode.Provisioned)
            {
                // DynamoDB requires units for every index of a provisioned table; without its own, an index mirrors the table.
                var units = index.Capacity ?? table.Capacity;
                global.ProvisionedThroughput = new ProvisionedThroughput(units.ReadUnits, units.WriteUnits);
            }
            else if (index.Capacity is { } capacity && OnDemand(capacity) is { } maximum)
            {
                global.OnDemandThroughput = maximum;
            }

            globals.Add(global);
        }

        // Empty lists are refused ("List of GlobalSecondaryIndexes is empty"), so they are only set when used.
        if (globals.Count > 0)
            request.GlobalSecondaryIndexes = globals;
        if (locals.Count > 0)
            request.LocalSecondaryIndexes = locals;
    }

    /// <summary>MaxRead/WriteRequestUnits, or null when the plan sets neither.</summary>
    public static OnDemandThroughput? OnDemand(CapacityPlan capacity) =>
        capacity.MaxReadUnits is null && capacity.MaxWriteUnits is null
            ? null
            : new OnDemandThroughput { MaxReadRequestUnits = capacity.MaxReadUnits, MaxWriteRequestUnits = capacity.MaxWriteUnits };

    /// <summary>
    /// Differences between the planned indexes and an existing table's, one line each; empty when they match. An index
    /// the table has but the plan lacks counts too: it would take write capacity the plan does not expect.
    /// </summary>
    public static IReadOnlyList<string> Differences(TablePlan plan, TableDescription existing)
    {
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in existing.GlobalSecondaryIndexes ?? [])
            actual[g.IndexName] = Describe(IndexKind.Global, g.KeySchema, g.Projection, existing);
        foreach (var l in existing.LocalSecondaryIndexes ?? [])
            actual[l.IndexName] = Describe(IndexKind.Local, l.KeySchema, l.Projection, existing);

        var differences = new List<string>();
        foreach (var index in plan.Indexes)
        {
            string expected = Describe(index);
            if (!actual.Remove(index.Name, out var found))
                differences.Add($"index '{index.Name}' ({expected}) is missing");
            else if (!string.Equals(found, expected, StringComparison.Ordinal))
                differences.Add($"index '{index.Name}' is {found}, but the suite declares {expected}");
        }

        foreach (var (name, description) in actual.OrderBy(p => p.Key, StringComparer.Ordinal))
            differences.Add($"index '{name}' ({description}) is not in the suite");
        return differences;
    }

    internal static string Describe(IndexPlan index) =>
        Describe(index.Kind, TableSchema.Describe(index.PartitionKey, index.SortKey), Describe(index.Projection, index.NonKeyAttributes));

    private static string Describe(IndexKind kind, List<KeySchemaElement>? keySchema, Projection? projection, TableDescription table)
    {
        KeyAttribute? hash = null, range = null;
        foreach (var element in keySchema ?? [])
        {
            string type = table.AttributeDefinitions?.Find(d => d.AttributeName == element.AttributeName)?.AttributeType?.Value ?? "?";
            if (element.KeyType == KeyType.HASH)
                hash = new KeyAttribute(element.AttributeName, type);
            else if (element.KeyType == KeyType.RANGE)
                range = new KeyAttribute(element.AttributeName, type);
        }

        var projectionKind = projection?.ProjectionType?.Value switch
        {
            "KEYS_ONLY" => ProjectionKind.KeysOnly,
            "INCLUDE" => ProjectionKind.Include,
            _ => ProjectionKind.All,
        };
        return Describe(kind, hash is null ? "(none)" : TableSchema.Describe(hash, range), Describe(projectionKind, projection?.NonKeyAttributes ?? []));
    }

    private static string Describe(IndexKind kind, string key, string projection) =>
        $"{(kind == IndexKind.Local ? "local" : "global")}, key {key}, projection {projection}";

    private static string Describe(ProjectionKind kind, IReadOnlyList<string> attributes) => kind switch
    {
        ProjectionKind.KeysOnly => "KEYS_ONLY",
        ProjectionKind.Include => "INCLUDE [" + string.Join(", ", attributes.Order(StringComparer.Ordinal)) + "]",
        _ => "ALL",
    };

    private static List<KeySchemaElement> KeySchema(IndexPlan index)
    {
        var elements = new List<KeySchemaElement> { new(index.PartitionKey.Name, KeyType.HASH) };
        if (index.SortKey is { } sort)
            elements.Add(new KeySchemaElement(sort.Name, KeyType.RANGE));
        return elements;
    }

    private static Projection Projection(IndexPlan index) => index.Projection switch
    {
        ProjectionKind.KeysOnly => new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
        ProjectionKind.Include => new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = [.. index.NonKeyAttributes] },
        _ => new Projection { ProjectionType = ProjectionType.ALL },
    };
}
