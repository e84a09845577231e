using LoadLab.Capacity.Pricing;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Simulation;

namespace LoadLab.Runner.Simulation;

/// <summary>One operation of a scenario's mix on a simulated table: picks the item as a real run does, prices it by the proxy's rules, and asks the model.</summary>
internal abstract class SimulatedOperation(SimulatedTable table, Capacity.Proxy.ThrottleEmissionOptions? emission)
{
    /// <summary>The driver classifier's reason for a false condition.</summary>
    public const string ConditionFailedReason = "ConditionalCheckFailed";

    protected SimulatedTable Table { get; } = table;

    /// <summary>One attempt at the clock's moment; <paramref name="request"/> carries what earlier attempts left.</summary>
    public abstract SimulatedAttempt Attempt(ref RequestState request, long sequence);

    /// <summary>Admission as the proxy asks it; false with the throttle the client would see when refused (nothing charged).</summary>
    protected bool Admit(PricedCharges estimate, out SimulatedAttempt refused)
    {
        var admission = Table.Capacity.Admit(estimate.Charges);
        if (admission.Admitted)
        {
            refused = default;
            return true;
        }

        refused = new SimulatedAttempt(OutcomeKind.Throttled, Retryable: true, Reason: ThrottleReasonText.Of(admission.Causes, emission));
        return false;
    }

    /// <summary>Deducts what an admitted request consumed (buckets may go into debt).</summary>
    protected void Settle(PricedCharges actual)
    {
        if (actual.Charges.Count > 0)
            Table.Capacity.Settle(actual.Charges);
    }

    protected static SimulatedAttempt ConditionFailed(PricedCharges charged) =>
        new(OutcomeKind.ConditionFailed, Retryable: false, charged.ReadUnits, charged.WriteUnits, ConditionFailedReason);

    protected static SimulatedAttempt Ok(PricedCharges charged) => new(OutcomeKind.Ok, Retryable: false, charged.ReadUnits, charged.WriteUnits);
}
