namespace LoadLab.Capacity.Model.AutoScaling;

/// <summary>What an auto-scaling evaluation asks for.</summary>
internal readonly record struct ScalingDecision(double Units, double EffectiveAt, bool IsDecrease);

/// <summary>
/// Target tracking for one resource and dimension (docs/capacity-model.md §16), driven by 1-minute consumed datapoints
/// that become visible after the metric lag. Scale out when the last N datapoints are above
/// target; scale in when the last M are more than the margin below it and the decrease budget
/// allows; the UpdateTable it issues takes effect after the update delay. Utilisation is judged
/// against the capacity in force when a datapoint is evaluated, as the alarms are recreated with
/// new thresholds after every scaling action.
/// </summary>
internal sealed class AutoScaler
{
    private readonly CapacitySettings settings;
    private readonly Queue<(double VisibleAt, double ConsumedUnits)> arriving = new();
    private readonly double[] window;
    private int filled;
    private int next;

    public AutoScaler(CapacitySettings settings, AutoScalingPolicy policy)
    {
        this.settings = settings;
        Policy = policy;
        window = new double[Math.Max(settings.AutoScalingOutDatapoints, settings.AutoScalingInDatapoints)];
    }

    public AutoScalingPolicy Policy { get; set; }

    /// <summary>The scheduled UpdateTable, if any.</summary>
    public ScalingDecision? Pending { get; private set; }

    public double NextDue => Math.Min(
        arriving.Count > 0 ? arriving.Peek().VisibleAt : double.PositiveInfinity,
        Pending?.EffectiveAt ?? double.PositiveInfinity);

    public void AddMinute(double minuteEnd, double consumedUnits) =>
        arriving.Enqueue((minuteEnd + settings.AutoScalingMetricLag.TotalSeconds, consumedUnits));

    /// <summary>Evaluates the datapoints visible by <paramref name="now"/>; returns a newly scheduled update, if any.</summary>
    public ScalingDecision? Evaluate(double now, double provisioned, DecreaseBudget decreases)
    {
        ScalingDecision? scheduled = null;
        while (arriving.Count > 0 && arriving.Peek().VisibleAt <= now)
        {
            Push(arriving.Dequeue().ConsumedUnits);
            if (Pending is not null)
                continue;
            var decision = Decide(now, provisioned, decreases);
            if (decision is not null)
            {
                Pending = decision;
                scheduled = decision;
            }
        }

        return scheduled;
    }

    /// <summary>The pending update once its delay has passed (and clears it).</summary>
    public double? TakeDue(double now)
    {
        if (Pending is not { } pending || pending.EffectiveAt > now)
            return null;
        Pending = null;
        return pending.Units;
    }

    private ScalingDecision? Decide(double now, double provisioned, DecreaseBudget decreases)
    {
        var target = Policy.TargetUtilization;
        var outPoints = settings.AutoScalingOutDatapoints;
        var inPoints = settings.AutoScalingInDatapoints;
        var delay = settings.AutoScalingUpdateDelay.TotalSeconds;
        if (filled >= outPoints && All(outPoints, rate => rate > target * provisioned))
        {
            var wanted = Clamp(UnitMath.Ceiling(Last(0) / 60 / target));
            if (wanted > provisioned)
                return new ScalingDecision(wanted, now + delay, IsDecrease: false);
        }

        var low = target - (settings.AutoScalingInMarginPercentagePoints / 100);
        if (filled >= inPoints && All(inPoints, rate => rate < low * provisioned) && decreases.Allowed(now))
        {
            double sum = 0;
            for (var i = 0; i < inPoints; i++)
                sum += Last(i);
            var wanted = Clamp(UnitMath.Ceiling(sum / inPoints / 60 / target));
            if (wanted < provisioned)
                return new ScalingDecision(wanted, now + delay, IsDecrease: true);
        }

        return null;
    }

    private bool All(int count, Func<double, bool> test)
    {
        for (var i = 0; i < count; i++)
        {
            if (!test(Last(i) / 60))
                return false;
        }

        return true;
    }

    private double Clamp(double units) => Math.Clamp(units, Policy.MinUnits, Math.Max(Policy.MinUnits, Policy.MaxUnits));

    /// <summary>The datapoint <paramref name="back"/> places before the newest (consumed units in its minute).</summary>
    private double Last(int back) => window[(next - 1 - back + (window.Length * 2)) % window.Length];

    private void Push(double consumedUnits)
    {
        window[next] = consumedUnits;
        next = (next + 1) % window.Length;
        filled = Math.Min(filled + 1, window.Length);
    }
}
