using LoadLab.Core.Plans;

namespace LoadLab.Core.Execution;

/// <summary>Draws an operation of the mix for each arrival, by weight, deterministically from the sequence number.</summary>
public sealed class OperationPicker
{
    private readonly double[] cumulative;
    private readonly long seed;
    private readonly long stream;

    public OperationPicker(IReadOnlyList<OperationWeight> mix, long seed, string scenarioName)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (mix.Count == 0) throw new ArgumentException("The mix needs at least one operation.", nameof(mix));
        double total = mix.Sum(m => m.Weight);
        cumulative = new double[mix.Count];
        double running = 0;
        for (int i = 0; i < mix.Count; i++)
        {
            running += mix[i].Weight / total;
            cumulative[i] = running;
        }

        cumulative[^1] = 1.0;
        this.seed = seed;
        // A stream of its own, so the operation choice is independent of the key choice for the same sequence.
        stream = unchecked((long)DeterministicHash.Of("operation:" + scenarioName));
    }

    public int Pick(long sequence)
    {
        if (cumulative.Length == 1) return 0;
        double u = DeterministicHash.ToUnit(DeterministicHash.Of(seed, stream, sequence));
        for (int i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i]) return i;
        }

        return cumulative.Length - 1;
    }
}
