using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>statement</c>: one ExecuteStatement of the suite's PartiQL text, <c>{table}</c> replaced once, each <c>?</c> bound
/// to the chosen item's partition or sort key value. A SELECT reads one page (ExecuteStatement answers one); with
/// <c>new: true</c> the key is a fresh item's (for INSERT), which later operations may then draw.
/// </summary>
internal sealed class StatementOperation : DriverOperation
{
    private readonly DriverContext context;
    private readonly StatementPlan plan;
    private readonly string text;
    private readonly bool? consistent;
    private readonly bool insert;

    public StatementOperation(DriverContext context, OperationOptions options)
    {
        this.context = context;
        plan = options.Statement ?? throw new ArgumentException("A statement operation needs its text.", nameof(options));
        if (plan.Parameters.Contains(StatementParameter.SortKey) && context.Table.SortKey is null)
            throw new ArgumentException($"The statement binds sk, but table '{context.Table.Name}' has no sort key.", nameof(options));
        text = plan.TextFor(context.Table.Name);
        consistent = options.ConsistentRead ? true : null;
        insert = options.NewItems;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        long target = insert ? context.Keys.ReserveNew() : index;
        var key = context.Model.KeyOf(target, context.Table);
        var request = new ExecuteStatementRequest
        {
            Statement = text,
            Parameters = plan.Parameters.Count == 0
                ? null
                : [.. plan.Parameters.Select(p => key[p == StatementParameter.PartitionKey ? context.Table.PartitionKey.Name : context.Table.SortKey!.Name])],
            ConsistentRead = consistent,
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await context.Client.ExecuteStatementAsync(request, cancellationToken).ConfigureAwait(false);
        if (insert)
            context.Keys.Inserted(target);
        return OperationTally.Single(response.ConsumedCapacity, isWrite: !plan.IsRead);
    }
}
