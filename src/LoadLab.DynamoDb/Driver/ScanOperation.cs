using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>scan</c>: Scan of the table or an index, as a parallel scan of <c>segments</c> segments at once, each reading its
/// first page (the default, a paged listing) or all of them (a full export). Records items returned and scanned and pages.
/// </summary>
internal sealed class ScanOperation : DriverOperation
{
    private readonly DriverContext context;
    private readonly string? indexName;
    private readonly string? filter;
    private readonly string? projection;
    private readonly Dictionary<string, string>? names;
    private readonly Dictionary<string, AttributeValue>? values;
    private readonly bool? consistent;
    private readonly int? limit;
    private readonly int segments;
    private readonly bool allPages;

    public ScanOperation(DriverContext context, OperationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Segments, 1, nameof(options));
        this.context = context;
        indexName = ReadTarget.Resolve(context.Table, options).IndexName;
        var expressions = new ExpressionBuilder(options.Values);
        filter = options.Filter is { } f ? expressions.User(f, "filter") : null;
        projection = expressions.Projection(options.Projection);
        names = expressions.Names;
        values = expressions.Values;
        consistent = options.ConsistentRead ? true : null;
        limit = options.Limit;
        segments = options.Segments;
        allPages = (options.Pages ?? PageMode.First) == PageMode.All;
    }

    public override Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken) =>
        Paging.FanOutAsync(segments, segment => ScanSegmentAsync(segment, cancellationToken));

    private Task<OperationTally> ScanSegmentAsync(int segment, CancellationToken cancellationToken) =>
        Paging.ReadAsync(
            async (start, token) =>
            {
                var request = new ScanRequest
                {
                    TableName = context.Table.Name,
                    IndexName = indexName,
                    FilterExpression = filter,
                    ProjectionExpression = projection,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                    ConsistentRead = consistent,
                    Limit = limit,
                    ExclusiveStartKey = start,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
                };
                // One segment is a plain scan, sent without segment parameters as an application sends it.
                if (segments > 1)
                {
                    request.Segment = segment;
                    request.TotalSegments = segments;
                }

                var response = await context.Client.ScanAsync(request, token).ConfigureAwait(false);
                return new Page(response.ConsumedCapacity, response.Count, response.ScannedCount, response.LastEvaluatedKey);
            },
            allPages,
            cancellationToken);
}
