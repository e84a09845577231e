namespace LoadLab.Runner.Planning;

/// <summary>
/// How many distinct values a whole data set has, from the distinct values seen in a sample of it: the count K
/// for which drawing <c>samples</c> values uniformly from K gives <c>distinct</c> different ones on average,
/// K · (1 − e^(−samples / K)) = distinct. No repeats in the sample means "as many as the items".
/// </summary>
public static class DistinctValues
{
    public static double Estimate(int samples, int distinct, long population)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(distinct, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distinct, samples);
        if (samples >= population || distinct >= samples)
            return samples >= population ? distinct : population;

        // Expected distinct values grow with K, so bisection between the sample's count and the population finds it.
        double low = distinct, high = population;
        for (int i = 0; i < 200 && high - low > 1e-6 * high; i++)
        {
            double k = (low + high) / 2;
            double expected = k * (1 - Math.Exp(-samples / k));
            if (expected < distinct) low = k; else high = k;
        }

        return Math.Min(population, (low + high) / 2);
    }
}
