using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>query</c>: Query of the drawn item's partition — on the table, or on an index with the partition value the
/// item holds for the index key — with an optional sort-key condition, filter, projection and Limit, reading all
/// pages or the first; with a sharded key design, every shard of the partition in parallel. Records items returned
/// and scanned and the pages read (summed over the shards).
/// </summary>
internal sealed class QueryOperation : DriverOperation
{
    private static readonly string PartitionValue = ExpressionBuilder.RequestValue("pk");

    private readonly DriverContext context;
    private readonly ReadTarget target;
    private readonly QueryPartitions partitions;
    private readonly string keyCondition;
    private readonly string? filter;
    private readonly string? projection;
    private readonly Dictionary<string, string>? names;
    private readonly Dictionary<string, AttributeValue>? values;
    private readonly bool? consistent;
    private readonly int? limit;
    private readonly bool allPages;

    /// <exception cref="ArgumentException">A sort-key condition without a sort key, an unknown index, or a placeholder without a value.</exception>
    public QueryOperation(DriverContext context, OperationOptions options)
    {
        this.context = context;
        target = ReadTarget.Resolve(context.Table, options);
        if (target.IndexName is null && context.Table.SortKey is null)
        {
            throw new ArgumentException(
                $"A query of table '{context.Table.Id}', which has no sort key, reads one item like a get; query an index or use get.", nameof(options));
        }

        var expressions = new ExpressionBuilder(options.Values);
        keyCondition = $"{expressions.Name(target.Partition.Name)} = {PartitionValue}";
        if (options.SortKey is { } sortKey)
        {
            var sort = target.Sort ?? throw new ArgumentException(
                $"A sort-key condition needs a sort key, but {Describe(target, context.Table)} has none.", nameof(options));
            keyCondition += " AND " + SortKeyText(sortKey, expressions.Name(sort.Name), sort, expressions);
        }

        filter = options.Filter is { } f ? expressions.User(f, "filter") : null;
        projection = expressions.Projection(options.Projection);
        names = expressions.Names;
        values = expressions.Values;
        consistent = options.ConsistentRead ? true : null;
        limit = options.Limit;
        allPages = (options.Pages ?? PageMode.All) == PageMode.All;
        if (target.IndexName is not null)
            CheckIndexPartition(context, target);
        partitions = new QueryPartitions(context, target);
    }

    public override Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        var partitionValues = partitions.For(index);
        return Paging.FanOutAsync(partitionValues.Length, shard => QueryPartitionAsync(partitionValues[shard], cancellationToken));
    }

    private Task<OperationTally> QueryPartitionAsync(AttributeValue partition, CancellationToken cancellationToken) =>
        Paging.ReadAsync(
            async (start, token) =>
            {
                // Per request: the shared values plus this partition's key value.
                var requestValues = values is null
                    ? new Dictionary<string, AttributeValue>(1, StringComparer.Ordinal)
                    : new Dictionary<string, AttributeValue>(values, StringComparer.Ordinal);
                requestValues[PartitionValue] = partition;
                var request = new QueryRequest
                {
                    TableName = context.Table.Name,
                    IndexName = target.IndexName,
                    KeyConditionExpression = keyCondition,
                    FilterExpression = filter,
                    ProjectionExpression = projection,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = requestValues,
                    ConsistentRead = consistent,
                    Limit = limit,
                    ExclusiveStartKey = start,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
                };
                var response = await context.Client.QueryAsync(request, token).ConfigureAwait(false);
                return new Page(response.ConsumedCapacity, response.Count, response.ScannedCount, response.LastEvaluatedKey);
            },
            allPages,
            cancellationToken);

    private static void CheckIndexPartition(DriverContext context, ReadTarget target)
    {
        var sample = context.Model.CreateItem(context.DataSeed, 0, context.Table);
        if (!sample.ContainsKey(target.Partition.Name))
        {
            throw new ArgumentException(
                $"Index '{target.IndexName}' is keyed by '{target.Partition.Name}', which items of model '{context.Model.Name}' do not have.",
                nameof(target));
        }
    }

    private static string SortKeyText(SortKeyCondition condition, string name, KeyAttribute sort, ExpressionBuilder expressions)
    {
        string value = expressions.Value(AttributeValues.OfKeyType(sort, condition.Value));
        return condition.Operator switch
        {
            SortKeyOperator.Equal => $"{name} = {value}",
            SortKeyOperator.Less => $"{name} < {value}",
            SortKeyOperator.LessOrEqual => $"{name} <= {value}",
            SortKeyOperator.Greater => $"{name} > {value}",
            SortKeyOperator.GreaterOrEqual => $"{name} >= {value}",
            SortKeyOperator.BeginsWith => $"begins_with({name}, {value})",
            SortKeyOperator.Between => $"{name} BETWEEN {value} AND {expressions.Value(AttributeValues.OfKeyType(sort,
                condition.Upper ?? throw new ArgumentException("A between condition needs an upper value.", nameof(condition))))}",
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown sort-key operator."),
        };
    }

    private static string Describe(ReadTarget target, TablePlan table) =>
        target.IndexName is null ? $"table '{table.Id}'" : $"index '{target.IndexName}'";
}
