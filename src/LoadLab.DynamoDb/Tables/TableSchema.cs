using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Tables;

/// <summary>Translates a <see cref="TablePlan"/> into DynamoDB's table description, and compares it with an existing table.</summary>
internal static class TableSchema
{
    public static CreateTableRequest CreateRequest(TablePlan table)
    {
        var request = new CreateTableRequest
        {
            TableName = table.Name,
            KeySchema = [new KeySchemaElement(table.PartitionKey.Name, KeyType.HASH)],
            AttributeDefinitions = [.. Definitions(table)],
        };
        if (table.SortKey is { } sort)
            request.KeySchema.Add(new KeySchemaElement(sort.Name, KeyType.RANGE));

        if (table.Capacity.Mode == CapacityMode.OnDemand)
        {
            request.BillingMode = BillingMode.PAY_PER_REQUEST;
            request.OnDemandThroughput = IndexSchema.OnDemand(table.Capacity);
        }
        else
        {
            if (table.Capacity.ReadUnits < 1 || table.Capacity.WriteUnits < 1)
            {
                throw new ArgumentException(
                    $"Table '{table.Name}' is provisioned with read {table.Capacity.ReadUnits} and write {table.Capacity.WriteUnits}; both must be at least 1.",
                    nameof(table));
            }

            request.BillingMode = BillingMode.PROVISIONED;
            request.ProvisionedThroughput = new ProvisionedThroughput(table.Capacity.ReadUnits, table.Capacity.WriteUnits);
        }

        if (table.Warm is { } warm)
            request.WarmThroughput = new WarmThroughput { ReadUnitsPerSecond = warm.ReadUnitsPerSecond, WriteUnitsPerSecond = warm.WriteUnitsPerSecond };
        IndexSchema.AddTo(request, table);
        return request;
    }

    /// <summary>
    /// One typed definition per key attribute of the table and its indexes, and no others: DynamoDB refuses
    /// definitions no key uses, and one attribute with two types.
    /// </summary>
    private static IEnumerable<AttributeDefinition> Definitions(TablePlan table)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new[] { table.PartitionKey, table.SortKey }
            .Concat(table.Indexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }))
            .OfType<KeyAttribute>();
        foreach (var key in keys)
        {
            if (seen.TryGetValue(key.Name, out var type))
            {
                if (type != key.Type)
                    throw new ArgumentException($"Table '{table.Name}': key attribute '{key.Name}' is declared both {type} and {key.Type}.", nameof(table));
                continue;
            }

            seen.Add(key.Name, key.Type);
            yield return Definition(key);
        }
    }

    /// <summary>Throws a user-facing <see cref="InvalidOperationException"/> when the existing indexes differ from the plan.</summary>
    public static void EnsureSameIndexes(TablePlan plan, TableDescription existing)
    {
        var differences = IndexSchema.Differences(plan, existing);
        if (differences.Count == 0)
            return;
        throw new InvalidOperationException(
            $"Table '{plan.Name}' already exists with other indexes: {string.Join("; ", differences)}. " +
            "LoadLab does not change the indexes of an existing table: use another table name, or delete the table first.");
    }

    /// <summary>Throws a user-facing <see cref="InvalidOperationException"/> when the existing key schema differs from the plan.</summary>
    public static void EnsureSameKey(TablePlan plan, TableDescription existing)
    {
        string expected = Describe(plan.PartitionKey, plan.SortKey);
        string actual = Describe(existing);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Table '{plan.Name}' already exists with key {actual}, but the suite declares {expected}. " +
                "LoadLab does not change the key of an existing table: use another table name, or delete the table first.");
        }
    }

    internal static string Describe(KeyAttribute partition, KeyAttribute? sort) =>
        sort is null
            ? $"{partition.Name} ({partition.Type})"
            : $"{partition.Name} ({partition.Type}), sort {sort.Name} ({sort.Type})";

    private static string Describe(TableDescription table)
    {
        KeyAttribute? hash = null, range = null;
        foreach (var element in table.KeySchema ?? [])
        {
            var attribute = new KeyAttribute(element.AttributeName, TypeOf(table, element.AttributeName));
            if (element.KeyType == KeyType.HASH)
                hash = attribute;
            else if (element.KeyType == KeyType.RANGE)
                range = attribute;
        }

        return hash is null ? "(none)" : Describe(hash, range);
    }

    private static string TypeOf(TableDescription table, string attribute) =>
        table.AttributeDefinitions?.Find(d => d.AttributeName == attribute)?.AttributeType?.Value ?? "?";

    private static AttributeDefinition Definition(KeyAttribute key) => new(key.Name, key.Type switch
    {
        "S" => ScalarAttributeType.S,
        "N" => ScalarAttributeType.N,
        "B" => ScalarAttributeType.B,
        _ => throw new ArgumentException($"Key attribute '{key.Name}' has type '{key.Type}'; allowed types are S, N and B.", nameof(key)),
    });
}
