using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// <c>query</c>: the drawn item's partition (every shard of it with a sharded key design) on the table or an index,
/// narrowed by the sort-key condition, read page by page: a page ends at Limit items or once it evaluated 1 MB, and
/// each page costs <c>rd(Σ entry bytes)</c> rounded once, admitted on one block, as the proxy prices pages.
/// </summary>
/// <remarks>
/// Every page of one operation is read at the attempt's moment. A throttled page ends the attempt (with the units the
/// pages before it consumed); the next attempt resumes at that page, as the SDK retries only the refused request.
/// </remarks>
internal sealed class SimulatedQuery : SimulatedOperation
{
    /// <summary>DynamoDB stops a page once it has read 1 MB.</summary>
    private const long PageBytes = 1024 * 1024;

    private readonly ReadTarget target;
    private readonly QueryPartitions partitions;
    private readonly PartitionDirectory directory;
    private readonly int ordinal;
    private readonly bool consistent;
    private readonly int limit;
    private readonly bool allPages;
    private readonly SortKeyOperator? sortOperator;
    private readonly AttributeValue? bound;
    private readonly AttributeValue? upper;
    private readonly PartitionDirectory.EntryOrder order;

    public SimulatedQuery(SimulatedTable table, OperationOptions options, ThrottleEmissionOptions? emission)
        : base(table, emission)
    {
        target = ReadTarget.Resolve(table.Plan, options);
        partitions = new QueryPartitions(table.Model, table.DataSet.Seed, table.Plan, target);
        directory = table.Directory(target);
        ordinal = table.Pricing.IndexOrdinal(target.IndexName);
        consistent = options.ConsistentRead;
        limit = options.Limit is > 0 and var l ? l : int.MaxValue;
        allPages = (options.Pages ?? PageMode.All) == PageMode.All;
        order = new PartitionDirectory.EntryOrder(target.Sort?.Type);
        if (options.SortKey is { } condition && target.Sort is { } sort)
        {
            sortOperator = condition.Operator;
            bound = AttributeValues.OfKeyType(sort, condition.Value);
            upper = condition.Upper is { } u ? AttributeValues.OfKeyType(sort, u) : null;
        }
    }

    /// <summary>Why the options cannot be simulated (a filter; a local index fetching unprojected attributes), or null.</summary>
    public static string? Problem(Capacity.Pricing.TablePricing pricing, OperationOptions options)
    {
        if (options.Filter is not null)
            return "filter is not simulated yet (it changes the items returned, not the cost); drop it to simulate";
        if (options.Index is { } index && !pricing.IsGlobalIndex(index) && pricing.IndexOrdinal(index) >= 0)
        {
            foreach (var attribute in options.Projection)
            {
                if (!pricing.IndexProjects(index, attribute))
                    return $"projection '{attribute}' is not in local index '{index}', so each item would be fetched from the table; such fetches are not simulated yet";
            }
        }

        return null;
    }

    public override SimulatedAttempt Attempt(ref RequestState request, long sequence)
    {
        var values = partitions.For(request.Index);
        double read = 0;
        for (; request.Shard < values.Length; request.Shard++, request.Position = 0)
        {
            var entries = directory.Partition(values[request.Shard]);
            var route = Table.PartitionOf(values[request.Shard]);
            while (true)
            {
                var (count, bytes, next) = Page(entries, request.Position);
                var estimate = Table.Pricing.QueryPage(target.IndexName, route, 0, consistent);
                if (!Admit(estimate, out var refused))
                    return refused with { ReadUnits = read };
                var actual = Table.Pricing.QueryPage(target.IndexName, route, bytes, consistent);
                Settle(actual);
                read += actual.ReadUnits;
                request.Pages++;
                request.Returned += count;
                if (next < 0 || !allPages)
                    break;
                request.Position = next;
            }
        }

        return new SimulatedAttempt(OutcomeKind.Ok, Retryable: false, ReadUnits: read)
        {
            ItemsReturned = request.Returned,
            ItemsScanned = request.Returned,
            Pages = request.Pages,
        };
    }

    /// <summary>One page from <paramref name="start"/>: items and bytes evaluated, and where the next page starts (-1: no LastEvaluatedKey).</summary>
    private (int Count, long Bytes, int Next) Page(IReadOnlyList<PartitionDirectory.Entry> entries, int start)
    {
        int count = 0;
        long bytes = 0;
        for (int i = start; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (sortOperator is { } op && (entry.Sort is null || !order.Matches(entry.Sort, op, bound!, upper)))
                continue;
            var image = Table.State(entry.Index).Image;
            if (image is null)
                continue;
            int? size = ordinal < 0 ? image.Bytes : image.EntryBytes(ordinal);
            if (size is not { } entryBytes)
                continue;
            count++;
            bytes += entryBytes;
            // As DynamoDB (and dynalite): the page that reaches Limit or 1 MB says where to go on, even when nothing follows.
            if (count >= limit || bytes >= PageBytes)
                return (count, bytes, i + 1);
        }

        return (count, bytes, -1);
    }
}
