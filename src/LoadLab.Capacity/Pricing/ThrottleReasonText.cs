using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.Capacity.Proxy.Emission;

namespace LoadLab.Capacity.Pricing;

/// <summary>The throttling reason a client reads from the proxy's refusal (the first reason it lists, or the exception's kind when it lists none).</summary>
public static class ThrottleReasonText
{
    public static string Of(IReadOnlyList<ThrottleCause> causes, ThrottleEmissionOptions? emission = null)
    {
        ArgumentNullException.ThrowIfNull(causes);
        if (emission is not { OmitReasons: true } && causes.Count > 0 && !string.IsNullOrEmpty(causes[0].Reason))
            return causes[0].Reason;
        // What the driver's classifier falls back to for each exception without reasons.
        return ThrottleChoice.Choose(causes) switch
        {
            ThrottleKind.ProvisionedThroughputExceeded => "ProvisionedThroughputExceeded",
            ThrottleKind.RequestLimitExceeded => "RequestLimitExceeded",
            _ => ThrottleChoice.TypeName(ThrottleKind.Throttling),
        };
    }
}
