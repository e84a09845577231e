namespace LoadLab.Capacity.Model.OnDemand;

/// <summary>
/// The on-demand "double the previous peak" rule for one resource and dimension (docs/capacity-model.md §15):
/// ceiling(t) = min(quota, 2 × max(initial peak, every minute's served rate that ended at least
/// the peak lag before t)). The peak never decreases, so minutes below the current peak are
/// dropped on arrival and at most lag/1 min entries wait to mature.
/// </summary>
internal sealed class OnDemandCeiling
{
    private readonly Queue<(double MaturesAt, double Rate)> waiting = new();

    /// <summary>The peak from table creation, a mode switch or warm throughput (units/s).</summary>
    public double InitialPeak { get; private set; }

    /// <summary>The highest served minute rate that has matured (units/s).</summary>
    public double ObservedPeak { get; private set; }

    public double Peak => Math.Max(InitialPeak, ObservedPeak);

    /// <summary>When the next waiting minute matures; +∞ when none waits.</summary>
    public double NextDue => waiting.Count > 0 ? waiting.Peek().MaturesAt : double.PositiveInfinity;

    public void RaiseInitialPeak(double peak)
    {
        if (peak > InitialPeak)
            InitialPeak = peak;
    }

    /// <summary>Records a finished minute's served rate; it counts once <paramref name="lagSeconds"/> have passed.</summary>
    public void AddMinute(double minuteEnd, double unitsPerSecond, double lagSeconds)
    {
        if (unitsPerSecond > Peak)
            waiting.Enqueue((minuteEnd + lagSeconds, unitsPerSecond));
    }

    /// <summary>Folds matured minutes into the peak; true when the peak rose.</summary>
    public bool Mature(double now)
    {
        var before = Peak;
        while (waiting.Count > 0 && waiting.Peek().MaturesAt <= now)
            ObservedPeak = Math.Max(ObservedPeak, waiting.Dequeue().Rate);
        return Peak > before;
    }

    public double Ceiling(double quota) => Math.Min(quota, 2 * Peak);
}
