using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;

namespace LoadLab.UnitTests.Core.Scheduling;

public class ArrivalScheduleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Constant_rate_places_arrival_k_at_k_over_rate()
    {
        var schedule = new ArrivalSchedule([new RatePhase(100, 10 * Second)]);
        int cursor = 0;
        Assert.Equal(0.0, schedule.OffsetOf(0, ref cursor));
        Assert.Equal(0.01, schedule.OffsetOf(1, ref cursor)!.Value, 12);
        Assert.Equal(9.99, schedule.OffsetOf(999, ref cursor)!.Value, 9);
        Assert.Null(schedule.OffsetOf(1000, ref cursor));
        Assert.Equal(1000, schedule.ArrivalCount);
    }

    [Fact]
    public void Ramp_follows_the_integral_of_a_linear_rate()
    {
        // 0 → 100/s over 10 s: N(t) = 5 t², so 500 arrivals, and arrival k at sqrt(k / 5).
        var schedule = new ArrivalSchedule([new RampPhase(0, 100, 10 * Second)]);
        Assert.Equal(500, schedule.TotalArrivals, 9);
        int cursor = 0;
        Assert.Equal(Math.Sqrt(20 / 5.0), schedule.OffsetOf(20, ref cursor)!.Value, 9);
        Assert.Equal(Math.Sqrt(499 / 5.0), schedule.OffsetOf(499, ref cursor)!.Value, 9);
        Assert.Equal(125, schedule.ArrivalsBy(5), 9);
        Assert.Equal(50, schedule.RateAt(5), 9);
    }

    [Fact]
    public void Decreasing_ramp_has_the_same_count_as_its_mirror()
    {
        var down = new ArrivalSchedule([new RampPhase(200, 0, 4 * Second)]);
        Assert.Equal(400, down.TotalArrivals, 9);
        int cursor = 0;
        // N(t) = 200t − 25t²; N = 175 at t = 1.
        Assert.Equal(1.0, down.OffsetOf(175, ref cursor)!.Value, 9);
    }

    [Fact]
    public void Rate_changes_carry_the_integral_across_phase_boundaries()
    {
        // 10/s for 1.05 s gives 10.5 arrivals; the next phase continues from 10.5, not from 0.
        var schedule = new ArrivalSchedule(
        [
            new RatePhase(10, TimeSpan.FromSeconds(1.05)),
            new RatePhase(100, Second),
        ]);
        int cursor = 0;
        Assert.Equal(1.0, schedule.OffsetOf(10, ref cursor)!.Value, 9);
        // Arrival 11: 0.5 arrivals into phase 2 at 100/s = 5 ms after it starts.
        Assert.Equal(1.055, schedule.OffsetOf(11, ref cursor)!.Value, 9);
        Assert.Equal(110.5, schedule.TotalArrivals, 9);
        Assert.Equal(111, schedule.ArrivalCount);
    }

    [Fact]
    public void Pause_and_closed_phases_contribute_no_arrivals_but_shift_time()
    {
        var schedule = new ArrivalSchedule(
        [
            new RatePhase(10, Second),
            new PausePhase(2 * Second),
            new ConcurrencyPhase(4, Second),
            new RatePhase(10, Second),
        ]);
        int cursor = 0;
        Assert.Equal(0.9, schedule.OffsetOf(9, ref cursor)!.Value, 9);
        Assert.Equal(4.0, schedule.OffsetOf(10, ref cursor)!.Value, 9);
        Assert.Equal(0, schedule.RateAt(2.5));
        Assert.Equal(20, schedule.ArrivalCount);
        Assert.Equal(5, schedule.TotalSeconds, 9);
    }

    [Fact]
    public void Offsets_are_strictly_increasing_over_a_mixed_schedule()
    {
        var schedule = new ArrivalSchedule(
        [
            new RampPhase(0, 500, 3 * Second),
            new RatePhase(500, 2 * Second),
            new RampPhase(500, 50, 3 * Second),
        ]);
        int cursor = 0;
        double previous = -1;
        long k = 0;
        for (; schedule.OffsetOf(k, ref cursor) is { } t; k++)
        {
            Assert.True(t > previous, $"arrival {k} at {t} not after {previous}");
            previous = t;
        }

        Assert.Equal(schedule.ArrivalCount, k);
        Assert.Equal(750 + 1000 + 825, schedule.TotalArrivals, 6);
    }
}
