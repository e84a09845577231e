using LoadLab.Capacity.Model;

namespace LoadLab.UnitTests.Capacity.Model.Support;

/// <summary>What a <see cref="ModelHarness"/> run served and refused, per simulated second.</summary>
internal sealed class LoadTrace
{
    private readonly Dictionary<int, double> servedUnits = [];
    private readonly Dictionary<int, int> refusals = [];
    private readonly Dictionary<int, double> refusedUnits = [];

    public long Steps { get; set; }

    public List<ThrottleCause> Causes { get; } = [];

    public HashSet<string> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>First second with a refusal, or null.</summary>
    public int? FirstRefusal { get; private set; }

    public int? LastRefusal { get; private set; }

    public void Served(int second, IReadOnlyList<Charge> charges)
    {
        // Units of the table arm only, so GSI charges do not double-count a request.
        foreach (var charge in charges)
        {
            if (charge.Index is null)
                servedUnits[second] = servedUnits.GetValueOrDefault(second) + charge.Units;
        }
    }

    public void Refused(int second, IReadOnlyList<Charge> charges, Admission admission)
    {
        refusals[second] = refusals.GetValueOrDefault(second) + 1;
        foreach (var charge in charges)
        {
            if (charge.Index is null)
                refusedUnits[second] = refusedUnits.GetValueOrDefault(second) + charge.Units;
        }

        FirstRefusal ??= second;
        LastRefusal = second;
        foreach (var cause in admission.Causes)
        {
            if (Reasons.Add(cause.Reason))
                Causes.Add(cause);
        }
    }

    /// <summary>Average table units served per second over [from, to).</summary>
    public double ServedPerSecond(int from, int to)
    {
        double sum = 0;
        for (var s = from; s < to; s++)
            sum += servedUnits.GetValueOrDefault(s);
        return sum / (to - from);
    }

    /// <summary>Average table units refused per second over [from, to).</summary>
    public double RefusedPerSecond(int from, int to)
    {
        double sum = 0;
        for (var s = from; s < to; s++)
            sum += refusedUnits.GetValueOrDefault(s);
        return sum / (to - from);
    }

    public int RefusalsBetween(int from, int to)
    {
        var count = 0;
        for (var s = from; s < to; s++)
            count += refusals.GetValueOrDefault(s);
        return count;
    }
}
