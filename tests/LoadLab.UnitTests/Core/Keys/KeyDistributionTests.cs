using LoadLab.Core.Keys;
using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Core.Keys;

/// <summary>Empirical shapes against each distribution's definition, on samples large enough for tight tolerances.</summary>
public class KeyDistributionTests
{
    private const int Samples = 200_000;

    private static long[] Histogram(IKeyDistribution keys, long items, int samples = Samples)
    {
        var counts = new long[items];
        for (long s = 0; s < samples; s++) counts[keys.Next(s)]++;
        return counts;
    }

    private static IKeyDistribution Create(KeyDistributionPlan plan, long items, long seed = 1) =>
        KeyDistributions.Create(plan, seed, "scenario", items);

    [Fact]
    public void Uniform_passes_a_chi_square_test()
    {
        var counts = Histogram(Create(KeyDistributionPlan.Uniform, 100), 100);
        double expected = Samples / 100.0;
        double chi = counts.Sum(c => (c - expected) * (c - expected) / expected);
        // 99 degrees of freedom: the 0.1 % critical value is about 148.
        Assert.True(chi < 148, $"chi-square {chi:0.0}");
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(1.2)]
    [InlineData(0.5)]
    public void Zipfian_clustered_follows_k_to_the_minus_theta(double theta)
    {
        const int items = 1000;
        var counts = Histogram(Create(new KeyDistributionPlan("zipfian", Theta: theta, Scrambled: false), items), items);
        double norm = Enumerable.Range(1, items).Sum(k => Math.Pow(k, -theta));
        foreach (int rank in new[] { 1, 2, 3, 10, 100 })
        {
            double expected = Samples * Math.Pow(rank, -theta) / norm;
            double observed = counts[rank - 1];
            // Within 5 standard deviations of the binomial count (and 2 % for the big ones).
            double tolerance = Math.Max(5 * Math.Sqrt(expected), 0.02 * expected);
            Assert.True(Math.Abs(observed - expected) <= tolerance, $"θ={theta} rank {rank}: {observed} vs {expected:0}");
        }

        Assert.InRange(counts[0] / (double)counts[1], Math.Pow(2, theta) * 0.93, Math.Pow(2, theta) * 1.07);
    }

    [Fact]
    public void Zipfian_scrambled_keeps_the_skew_but_spreads_the_hot_items()
    {
        const int items = 1000;
        var clustered = Histogram(Create(new KeyDistributionPlan("zipfian", Scrambled: false), items), items);
        var scrambled = Histogram(Create(new KeyDistributionPlan("zipfian", Scrambled: true), items), items);
        // Same popularity profile…
        Assert.InRange(scrambled.Max() / (double)clustered.Max(), 0.95, 1.1);
        // …but the ten most popular items are not the ten lowest indexes.
        var top = scrambled.Select((c, i) => (c, i)).OrderByDescending(x => x.c).Take(10).Select(x => x.i).ToArray();
        Assert.True(top.Count(i => i < 10) <= 2, string.Join(",", top));
    }

    [Fact]
    public void Hotspot_sends_the_hot_fraction_of_operations_to_the_hot_set()
    {
        const int items = 1000;
        var counts = Histogram(Create(new KeyDistributionPlan("hotspot", HotSetFraction: 0.1, HotOperationFraction: 0.9), items), items);
        double hotShare = counts.Take(100).Sum() / (double)Samples;
        Assert.InRange(hotShare, 0.895, 0.905);
        // Uniform inside the hot set and inside the cold set.
        Assert.InRange(counts.Take(100).Max() / (double)counts.Take(100).Min(), 1, 1.35);
        Assert.InRange(counts.Skip(100).Average(), Samples * 0.1 / 900 * 0.97, Samples * 0.1 / 900 * 1.03);
    }

    [Fact]
    public void Hot_key_receives_its_fraction_and_the_rest_is_uniform()
    {
        const int items = 500;
        var counts = Histogram(Create(new KeyDistributionPlan("hotkey", HotOperationFraction: 0.3, HotKeyIndex: 42), items), items);
        // 30 % directly, plus its uniform share of the remaining 70 %.
        double expected = Samples * (0.3 + (0.7 / items));
        Assert.InRange(counts[42], expected * 0.98, expected * 1.02);
        Assert.InRange(counts.Where((_, i) => i != 42).Max(), 1, Samples * 0.7 / items * 1.6);
    }

    [Fact]
    public void Sequential_walks_the_key_space_in_order()
    {
        var keys = Create(new KeyDistributionPlan("sequential"), 7);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 0, 1 }, Enumerable.Range(0, 9).Select(s => keys.Next(s)));
    }

    [Fact]
    public void Latest_favours_the_newest_items_and_follows_inserts()
    {
        long newest = 999;
        var keys = KeyDistributions.Create(new KeyDistributionPlan("latest"), 1, "s", 1000, () => newest);
        var counts = new long[2000];
        for (long s = 0; s < 50_000; s++) counts[keys.Next(s)]++;
        Assert.Equal(999, Array.IndexOf(counts, counts.Max()));
        Assert.True(counts[999] > 5 * counts[900]);
        newest = 1999;
        var later = new long[2000];
        for (long s = 50_000; s < 100_000; s++) later[keys.Next(s)]++;
        Assert.Equal(1999, Array.IndexOf(later, later.Max()));
        Assert.True(later.All(c => c >= 0));
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("zipfian")]
    [InlineData("hotspot")]
    [InlineData("hotkey")]
    [InlineData("latest")]
    public void Same_seed_gives_the_same_keys_in_any_order_and_another_seed_does_not(string kind)
    {
        var plan = new KeyDistributionPlan(kind);
        var a = Create(plan, 10_000, seed: 5);
        var b = Create(plan, 10_000, seed: 5);
        var c = Create(plan, 10_000, seed: 6);
        var forward = Enumerable.Range(0, 1000).Select(s => a.Next(s)).ToArray();
        // Another instance asked in reverse order (as racing workers might) gives the same answers.
        var backward = Enumerable.Range(0, 1000).Reverse().Select(s => b.Next(s)).Reverse().ToArray();
        Assert.Equal(forward, backward);
        Assert.NotEqual(forward, Enumerable.Range(0, 1000).Select(s => c.Next(s)).ToArray());
        Assert.All(forward, k => Assert.InRange(k, 0, 9_999));
    }

    [Fact]
    public void Unknown_kind_lists_the_allowed_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Create(new KeyDistributionPlan("gaussian"), 10));
        Assert.Contains("zipfian", e.Message);
    }
}
