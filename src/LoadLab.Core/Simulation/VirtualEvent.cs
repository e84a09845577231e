namespace LoadLab.Core.Simulation;

/// <summary>What happens at an event of the virtual engine.</summary>
internal enum VirtualEventKind : byte
{
    /// <summary>A scenario's next open-model arrival is due.</summary>
    Arrival,

    /// <summary>A scenario's phase has run its time (and, closed, its workers are done): the next one starts.</summary>
    PhaseDone,

    /// <summary>A closed-model worker starts its next operation (its window opened, or its think time passed).</summary>
    WorkerWake,

    /// <summary>An attempt the client's rate limiter held back is sent now.</summary>
    Send,

    /// <summary>A retry's backoff has passed: the attempt is ready to be sent.</summary>
    RetryDue,

    /// <summary>An attempt's answer reaches the client.</summary>
    Answer,

    /// <summary>The scenario's time is up: an arrival still waiting for an in-flight slot is given up.</summary>
    ScenarioEnd,
}

/// <param name="Scenario">Index of the scenario.</param>
/// <param name="Index">The worker (WorkerWake) or the in-flight operation's slot (Send, RetryDue, Answer); unused otherwise.</param>
internal readonly record struct VirtualEvent(VirtualEventKind Kind, int Scenario, int Index);

/// <summary>When an event happens: virtual time, then the order events were scheduled in, so equal times repeat exactly.</summary>
internal readonly record struct VirtualEventKey(long Ticks, long Order) : IComparable<VirtualEventKey>
{
    public int CompareTo(VirtualEventKey other)
    {
        int byTime = Ticks.CompareTo(other.Ticks);
        return byTime != 0 ? byTime : Order.CompareTo(other.Order);
    }
}
