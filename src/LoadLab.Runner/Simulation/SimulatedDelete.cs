using LoadLab.Capacity.Proxy;
using LoadLab.Core.Simulation;

namespace LoadLab.Runner.Simulation;

/// <summary><c>delete</c>: <c>wr(old)</c> (1 for a missing item) plus removing its index entries; the item stays gone.</summary>
internal sealed class SimulatedDelete(SimulatedTable table, ExistenceCondition condition, ThrottleEmissionOptions? emission)
    : SimulatedOperation(table, emission)
{
    public override SimulatedAttempt Attempt(ref RequestState request, long sequence)
    {
        var state = Table.State(request.Index);
        var charges = Table.Pricing.Write(state.Key, state.Image, null);
        if (!Admit(charges, out var refused))
            return refused;
        if (!condition.Holds(state.Exists))
        {
            var failed = Table.Pricing.FailedCondition(state.Key, state.Image, 0);
            Settle(failed);
            return ConditionFailed(failed);
        }

        Settle(charges);
        Table.Stored(state, null);
        state.Generated = false;
        state.Changes = null;
        return Ok(charges);
    }
}
