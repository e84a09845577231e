namespace LoadLab.Core.Engine;

/// <summary>
/// Whether the target answered during one interval: operations it answered (with any outcome, errors included) and
/// operations that got no answer (a network error or a timeout). Warm-up operations count too: the statistics leave
/// them out, but a target that has died during the warm-up is just as dead.
/// </summary>
public readonly record struct IntervalReach(long Answered, long NetworkErrors, long Timeouts)
{
    /// <summary>Operations that got no answer: network errors and timeouts.</summary>
    public long Unanswered => NetworkErrors + Timeouts;
}
