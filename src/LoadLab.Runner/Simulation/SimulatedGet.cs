using LoadLab.Capacity.Proxy;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;

namespace LoadLab.Runner.Simulation;

/// <summary><c>get</c>: <c>rd(size, SC/EC)</c> of the stored item, one block for a missing one; a projection does not lower it.</summary>
internal sealed class SimulatedGet(SimulatedTable table, OperationOptions options, ThrottleEmissionOptions? emission)
    : SimulatedOperation(table, emission)
{
    private readonly bool consistent = options.ConsistentRead;

    public override SimulatedAttempt Attempt(ref RequestState request, long sequence)
    {
        var state = Table.State(request.Index);
        var charges = Table.Pricing.Get(state.Key, state.Image?.Bytes ?? 0, consistent);
        if (!Admit(charges, out var refused))
            return refused;
        Settle(charges);
        return Ok(charges);
    }
}
