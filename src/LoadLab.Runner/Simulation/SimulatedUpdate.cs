using System.Globalization;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// <c>update</c>: SET and ADD on the drawn item (without either, ADD version 1, as the real executor sends). Admitted on
/// the proxy's estimate (same size, every index entry rewritten), charged on the item the update leaves, as the proxy
/// settles it; an update of a missing item creates it from its key.
/// </summary>
internal sealed class SimulatedUpdate : SimulatedOperation
{
    private readonly (string Attribute, AttributeValue Value)[] sets;
    private readonly (string Attribute, decimal Amount)[] adds;
    private readonly ExistenceCondition condition;

    public SimulatedUpdate(SimulatedTable table, OperationOptions options, ExistenceCondition condition, ThrottleEmissionOptions? emission)
        : base(table, emission)
    {
        this.condition = condition;
        sets = [.. options.Set.Select(a => (a.Attribute, AttributeValues.From(a.Value)))];
        var add = options.Add.Count == 0 && options.Set.Count == 0
            ? [new AttributeAssignment(ItemAttributes.Version, ExpressionValue.Number("1"))]
            : options.Add;
        adds = [.. add.Select(a => (a.Attribute, decimal.Parse(a.Value.Text, NumberStyles.Float, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Why the options cannot be simulated (an ADD of something other than a number), or null.</summary>
    public static string? Problem(OperationOptions options)
    {
        foreach (var add in options.Add)
        {
            if (add.Value.Type != ExpressionValueType.Number
                || !decimal.TryParse(add.Value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return $"add: {add.Attribute} must be a number to be simulated (sets are not simulated)";
            }
        }

        return null;
    }

    public override SimulatedAttempt Attempt(ref RequestState request, long sequence)
    {
        long index = request.Index;
        var state = Table.State(index);
        var before = state.Image;
        Capacity.Pricing.PricedCharges estimate;
        if (before is not null)
        {
            estimate = Table.Pricing.UpdateEstimate(state.Key, before, default);
        }
        else
        {
            // Only an update that creates the item is estimated on its key's size.
            using var key = Table.KeyDocument(index);
            estimate = Table.Pricing.UpdateEstimate(state.Key, before, key.RootElement);
        }

        if (!Admit(estimate, out var refused))
            return refused;
        if (!condition.Holds(state.Exists))
        {
            var failed = Table.Pricing.FailedCondition(state.Key, before, before?.Bytes ?? 0);
            Settle(failed);
            return ConditionFailed(failed);
        }

        var changes = state.Changes ?? new Dictionary<string, AttributeValue>(sets.Length + adds.Length, StringComparer.Ordinal);
        foreach (var (attribute, value) in sets)
            changes[attribute] = value;
        foreach (var (attribute, amount) in adds)
        {
            string? was = changes.TryGetValue(attribute, out var changed) ? changed.N
                : state.Generated ? Table.GeneratedNumber(index, attribute)
                : null;
            decimal current = was is null ? 0 : decimal.Parse(was, NumberStyles.Float, CultureInfo.InvariantCulture);
            changes[attribute] = new AttributeValue { N = (current + amount).ToString(CultureInfo.InvariantCulture) };
        }

        var after = Table.ImageOf(index, state.Generated, changes);
        var actual = Table.Pricing.Write(state.Key, before, after);
        Settle(actual);
        Table.Stored(state, after);
        state.Changes = changes;
        return Ok(actual);
    }
}
