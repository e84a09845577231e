using LoadLab.Core.Execution;

namespace LoadLab.DynamoDb.Data.Generation;

/// <summary>Draws the built-in models need, on top of a reseeded <see cref="SplitMixRandom"/>.</summary>
internal static class Draw
{
    /// <summary>An element of <paramref name="values"/> with the matching cumulative weights (ascending, last = total).</summary>
    public static T Weighted<T>(this SplitMixRandom random, T[] values, double[] cumulative)
    {
        double x = random.NextDouble() * cumulative[^1];
        for (int i = 0; i < cumulative.Length - 1; i++)
        {
            if (x < cumulative[i])
                return values[i];
        }

        return values[^1];
    }

    /// <summary>Cumulative sums, computed once per model so a weighted draw is a short scan.</summary>
    public static double[] Cumulative(params double[] weights)
    {
        var sums = new double[weights.Length];
        double total = 0;
        for (int i = 0; i < weights.Length; i++)
            sums[i] = total += weights[i];
        return sums;
    }

    public static T Pick<T>(this SplitMixRandom random, T[] values) => values[random.Next(values.Length)];

    /// <summary>Whole number in [min, max], both included.</summary>
    public static long Between(this SplitMixRandom random, long min, long max) => random.NextInt64(min, max + 1);

    /// <summary>Standard normal by Box–Muller (one of the pair; the other is not worth keeping between fields).</summary>
    public static double Normal(this SplitMixRandom random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A value in [0, n) from the index alone (no seed), for ids that default keys are built from.</summary>
    public static long FromIndex(long index, ulong salt, long n) => DeterministicHash.ToRange(DeterministicHash.Of(index, unchecked((long)salt)), n);
}
