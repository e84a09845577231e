using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;

namespace LoadLab.UnitTests.Core.Simulation;

/// <summary>The service-time model: a lognormal per kind that meets its median and p99, checked once, allocation-free, replayable.</summary>
public sealed class ServiceTimeModelTests
{
    private static (double Median, double P99) Percentiles(ServiceTimeModel model, OperationKind kind, int seed, int count = 100_000)
    {
        var random = new Random(seed);
        var samples = new double[count];
        for (var i = 0; i < count; i++)
            samples[i] = model.Sample(kind, random).TotalMilliseconds;
        Array.Sort(samples);
        return (samples[count / 2], samples[(int)(count * 0.99)]);
    }

    [Fact]
    public void Samples_meet_the_configured_median_and_p99_for_every_kind()
    {
        var model = ServiceTimeModel.Default;
        foreach (var kind in Enum.GetValues<OperationKind>())
        {
            var expected = ServiceTimeSettings.Default.Kinds[kind];
            var (median, p99) = Percentiles(model, kind, seed: (int)kind + 1);

            Assert.InRange(median / expected.Median.TotalMilliseconds, 0.97, 1.03);
            Assert.InRange(p99 / expected.P99.TotalMilliseconds, 0.95, 1.05);
        }
    }

    [Theory]
    [InlineData(0.8, 0.8)]   // no spread at all
    [InlineData(2, 250)]     // a long tail
    [InlineData(40, 60)]
    public void Custom_service_times_are_met(double medianMs, double p99Ms)
    {
        var model = new ServiceTimeModel(ServiceTimeSettings.Default.With(OperationKind.Query, ServiceTime.Ms(medianMs, p99Ms)));

        var (median, p99) = Percentiles(model, OperationKind.Query, seed: 9);

        Assert.InRange(median / medianMs, 0.97, 1.03);
        Assert.InRange(p99 / p99Ms, 0.95, 1.05);
    }

    [Fact]
    public void Defaults_are_single_digit_milliseconds_for_single_items()
    {
        foreach (var kind in new[] { OperationKind.Get, OperationKind.Put, OperationKind.Update, OperationKind.Delete })
            Assert.InRange(ServiceTimeSettings.Default.Kinds[kind].Median, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(9));
        Assert.Empty(ServiceTimeSettings.Default.Validate());
    }

    [Fact]
    public void An_attempt_of_several_requests_takes_their_sum()
    {
        var model = new ServiceTimeModel(ServiceTimeSettings.Default.With(OperationKind.Query, ServiceTime.Ms(4, 4)));
        IServiceTimeModel contract = model;

        Assert.Equal(TimeSpan.FromMilliseconds(12), contract.Sample(OperationKind.Query, 3, new Random(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(4), contract.Sample(OperationKind.Query, 1, new Random(1)));
    }

    [Fact]
    public void A_seed_replays_the_same_samples()
    {
        static TimeSpan[] Play(int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, 1_000).Select(i => ServiceTimeModel.Default.Sample((OperationKind)(i % 11), random)).ToArray();
        }

        Assert.Equal(Play(5), Play(5));
        Assert.NotEqual(Play(5), Play(6));
    }

    [Fact]
    public void Sampling_allocates_nothing()
    {
        var model = ServiceTimeModel.Default;
        var random = new Random(1);
        model.Sample(OperationKind.Get, random); // warm up (JIT)

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = TimeSpan.Zero;
        for (var i = 0; i < 10_000; i++)
            total += model.Sample((OperationKind)(i % 11), random);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(total > TimeSpan.Zero);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_every_problem_named()
    {
        var settings = ServiceTimeSettings.Default
            .With(OperationKind.Get, ServiceTime.Ms(0, 10))
            .With(OperationKind.Put, ServiceTime.Ms(20, 5));
        var kinds = new Dictionary<OperationKind, ServiceTime>(settings.Kinds);
        kinds.Remove(OperationKind.Scan);

        var error = Assert.Throws<ArgumentException>(() => new ServiceTimeModel(new ServiceTimeSettings(kinds)));

        Assert.Contains("serviceTime.get: the median must be positive (got 0s).", error.Message, StringComparison.Ordinal);
        Assert.Contains("serviceTime.put: the p99 (5ms) must be at least the median (20ms).", error.Message, StringComparison.Ordinal);
        Assert.Contains("serviceTime.scan: missing; give a median and a p99", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, new ServiceTimeSettings(kinds).Validate().Count);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.99, 2.3263478740408408)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.9999, 3.719016485455709)]
    public void The_normal_quantile_is_accurate(double p, double z) =>
        Assert.Equal(z, StandardNormal.Quantile(p), 7);

    [Fact]
    public void The_normal_quantile_of_a_zero_draw_is_finite() =>
        Assert.True(double.IsFinite(StandardNormal.Quantile(0)) && StandardNormal.Quantile(0) < -8);
}
