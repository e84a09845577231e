using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;

namespace LoadLab.UnitTests.Core.Scheduling;

/// <summary>A profile phase in the arrival schedule: the sequence of ramps between its points, placed by the integral.</summary>
public class ProfileScheduleTests
{
    private static ProfilePhase Profile(params (double Seconds, double Rate)[] points) =>
        new("traffic.csv", [.. points.Select(p => new RatePoint(p.Seconds, p.Rate))]);

    private static List<double> Offsets(ArrivalSchedule schedule)
    {
        var offsets = new List<double>();
        int cursor = 0;
        for (long k = 0; schedule.OffsetOf(k, ref cursor) is { } t; k++)
            offsets.Add(t);
        return offsets;
    }

    [Fact]
    public void A_profile_places_arrivals_exactly_as_the_ramps_between_its_points()
    {
        var profile = Profile((0, 0), (10, 100), (20, 100), (30, 0));
        var asProfile = new ArrivalSchedule([profile]);
        var asRamps = new ArrivalSchedule(
        [
            new RampPhase(0, 100, TimeSpan.FromSeconds(10)),
            new RatePhase(100, TimeSpan.FromSeconds(10)),
            new RampPhase(100, 0, TimeSpan.FromSeconds(10)),
        ]);

        // 500 + 1,000 + 500: the integral of the curve.
        Assert.Equal(2000, asProfile.TotalArrivals, 9);
        Assert.Equal(2000, profile.TotalArrivals, 9);
        Assert.Equal(2000, asProfile.ArrivalCount);
        Assert.Equal(Offsets(asRamps), Offsets(asProfile));
        Assert.Equal(1000, asProfile.ArrivalsBy(15), 9);
        Assert.Equal(50, asProfile.RateAt(5), 9);
        Assert.Equal(50, asProfile.RateAt(25), 9);
        Assert.Equal(30, asProfile.TotalSeconds, 9);
    }

    [Fact]
    public void The_number_scheduled_is_the_integral_of_the_curve_rounded_up_and_every_second_gets_its_share()
    {
        // An irregular curve whose integral is not whole: 0.5·(3+7.25)·1.5 + 0.5·(7.25+0)·2.3 + 0.5·(0+41.7)·3.9 + …
        var profile = Profile((0, 3), (1.5, 7.25), (3.8, 0), (7.7, 41.7), (8.1, 41.7), (12.35, 9.9));
        var schedule = new ArrivalSchedule([profile]);
        var offsets = Offsets(schedule);

        Assert.Equal(Math.Ceiling(profile.TotalArrivals), offsets.Count);
        Assert.Equal(schedule.ArrivalCount, offsets.Count);
        Assert.True(offsets.SequenceEqual(offsets.Order()), "intended starts never go back in time");
        Assert.All(offsets, t => Assert.InRange(t, 0, 12.35));
        // Each second holds the integral of the curve over it, within one arrival.
        for (int second = 0; second < 13; second++)
        {
            double expected = schedule.ArrivalsBy(second + 1) - schedule.ArrivalsBy(second);
            int placed = offsets.Count(t => t >= second && t < second + 1);
            Assert.InRange(placed, expected - 1, expected + 1);
        }
        // Nothing is placed where the curve is at 0 (at 3.8 s) apart from arrivals whose integral lands there.
        Assert.Equal(0, schedule.RateAt(3.8), 9);
    }

    [Fact]
    public void Phases_after_a_profile_start_when_it_ends()
    {
        var schedule = new ArrivalSchedule([Profile((0, 10), (2, 10)), new PausePhase(TimeSpan.FromSeconds(1)), new RatePhase(100, TimeSpan.FromSeconds(1))]);
        var offsets = Offsets(schedule);

        Assert.Equal(120, offsets.Count);
        Assert.Equal(20, offsets.Count(t => t < 2));
        Assert.Equal(3.0, offsets[20], 9);
        Assert.Equal(0, schedule.RateAt(2.5));
    }

    [Fact]
    public void A_nearly_flat_piece_keeps_its_precision()
    {
        // Slope 1e-9 per second²: the textbook root (−b + √…)/a would lose milliseconds to cancellation.
        var schedule = new ArrivalSchedule([Profile((0, 1000), (3600, 1000.0000036))]);
        int cursor = 0;
        double at = schedule.OffsetOf(1_800_000, ref cursor)!.Value;

        // Newton's method on N(t) = 1000 t + a t²/2 − 1,800,000, which has no cancellation: t ≈ 1800 − 1.62 µs.
        double a = (1000.0000036 - 1000) / 3600, t = 1800;
        for (int i = 0; i < 5; i++)
            t -= ((1000 * t) + (a / 2 * t * t) - 1_800_000) / (1000 + (a * t));
        Assert.Equal(t, at, 9);
        Assert.True(at < 1800);
    }

    [Fact]
    public void A_day_at_one_point_a_second_answers_every_second_quickly_and_exactly()
    {
        // The sampler asks ArrivalsBy and RateAt every second: with 86,400 pieces a linear scan would be
        // 7.5 billion steps for a simulated day; the schedule looks pieces up by binary search.
        var points = Enumerable.Range(0, 86_401).Select(s => new RatePoint(s, 100 + (50 * Math.Sin(s * 2 * Math.PI / 86_400)))).ToArray();
        var schedule = new ArrivalSchedule([new ProfilePhase("day.csv", points)]);
        double sum = 0;
        for (int s = 0; s < 86_400; s++)
        {
            double perSecond = schedule.ArrivalsBy(s + 1) - schedule.ArrivalsBy(s);
            Assert.Equal((points[s].Rate + points[s + 1].Rate) / 2, perSecond, 1e-6);
            Assert.Equal(points[s].Rate, schedule.RateAt(s), 9);
            sum += perSecond;
        }

        Assert.Equal(schedule.TotalArrivals, sum, 3);
        Assert.Equal(8_640_000, schedule.TotalArrivals, 0);
    }

    [Fact]
    public void Duration_scale_compresses_time_and_keeps_the_rates()
    {
        var profile = Profile((0, 0), (10, 100), (40, 40));
        var scaled = Assert.IsType<ProfilePhase>(profile.Scale(0.1));

        Assert.Equal(TimeSpan.FromSeconds(4), scaled.Duration);
        Assert.Equal([0, 1, 4], scaled.Points.Select(p => p.Seconds).Select(s => Math.Round(s, 9)));
        Assert.Equal([0, 100, 40], scaled.Points.Select(p => p.Rate));
        Assert.Equal(profile.Peak, scaled.Peak);
        Assert.Equal(profile.Mean, scaled.Mean, 9);
        Assert.Equal(profile.TotalArrivals * 0.1, new ArrivalSchedule([scaled]).TotalArrivals, 9);
        // Never shorter than a millisecond, like every scaled phase.
        Assert.Equal(TimeSpan.FromMilliseconds(1), profile.Scale(1e-9).Duration);
    }

    [Fact]
    public void Rates_scale_and_describe_names_the_file_peak_and_mean()
    {
        var profile = Profile((0, 0), (10, 100), (20, 50));

        Assert.Equal([0, 50, 25], profile.ScaleRates(0.5).Points.Select(p => p.Rate));
        Assert.Equal("profile traffic.csv over 20s (peak 100/s, mean 62.5/s)", profile.Describe());
        Assert.True(profile.IsOpen);
        Assert.Equal(Profile((0, 0), (10, 100), (20, 50)), profile);
        Assert.NotEqual(Profile((0, 0), (10, 100), (20, 51)), profile);
    }

    [Theory]
    [InlineData(new[] { 0.0 }, new[] { 5.0 })]
    [InlineData(new[] { 1.0, 2 }, new[] { 5.0, 5 })]
    [InlineData(new[] { 0.0, 2, 2 }, new[] { 5.0, 5, 5 })]
    [InlineData(new[] { 0.0, 2 }, new[] { 5.0, -1 })]
    [InlineData(new[] { 0.0, 2 }, new[] { 5.0, double.NaN })]
    public void A_bad_curve_is_a_programming_error_the_binder_prevents(double[] seconds, double[] rates) =>
        Assert.Throws<ArgumentException>(() => new ProfilePhase("x.csv", [.. seconds.Zip(rates, (s, r) => new RatePoint(s, r))]));
}
