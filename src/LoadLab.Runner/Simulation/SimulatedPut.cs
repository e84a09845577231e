using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Simulation;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// <c>put</c>: the item the real executor writes (the generated item with a new version and time) over the drawn one,
/// or with <c>new: true</c> into the next new index under <c>attribute_not_exists</c>: <c>wr(max(old, new))</c> plus
/// the index arms, exactly as the proxy prices it before admission.
/// </summary>
internal sealed class SimulatedPut(SimulatedTable table, bool insert, KeySpace keys, ExistenceCondition condition, ThrottleEmissionOptions? emission)
    : SimulatedOperation(table, emission)
{
    public override SimulatedAttempt Attempt(ref RequestState request, long sequence)
    {
        long target = request.Index;
        if (insert)
        {
            // Reserved once per operation: the SDK retries the same request, with the same key.
            if (request.Reserved < 0)
                request.Reserved = keys.ReserveNew();
            target = request.Reserved;
        }

        var state = Table.State(target);
        // The written item is the generated one with a new version and time (ItemWrites), put together from its kept JSON.
        var written = ItemWrites.Refreshed(new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal), sequence, Table.Time);
        var after = Table.ImageOf(target, generated: true, written);
        if (after.Bytes > Table.Pricing.ItemMaxBytes)
            return new SimulatedAttempt(OutcomeKind.ClientError, Retryable: false, Reason: "ValidationException");
        var before = state.Image;
        var charges = Table.Pricing.Write(state.Key, before, after);
        if (!Admit(charges, out var refused))
            return refused;
        if (!condition.Holds(state.Exists))
        {
            var failed = Table.Pricing.FailedCondition(state.Key, before, after.Bytes);
            Settle(failed);
            return ConditionFailed(failed);
        }

        Settle(charges);
        Table.Stored(state, after);
        state.Generated = true;
        state.Changes = written;
        if (insert)
        {
            keys.Inserted(target);
            Table.Inserted(target, Table.Model.CreateItem(Table.DataSet.Seed, target, Table.Plan));
        }

        return Ok(charges);
    }
}
