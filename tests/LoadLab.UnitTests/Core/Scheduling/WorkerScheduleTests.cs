using LoadLab.Core.Scheduling;

namespace LoadLab.UnitTests.Core.Scheduling;

public class WorkerScheduleTests
{
    [Fact]
    public void Growing_ramp_activates_worker_i_when_the_target_passes_i_plus_one()
    {
        // 0 → 10 workers over 10 s: worker 0 joins at 1 s, worker 9 at 10 s.
        Assert.Equal((1.0, 10.0), WorkerSchedule.ActiveWindow(0, 10, 10, 0));
        Assert.Equal((10.0, 10.0), WorkerSchedule.ActiveWindow(0, 10, 10, 9));
        Assert.Equal((0.0, 8.0), WorkerSchedule.ActiveWindow(2, 10, 8, 1));
        Assert.Null(WorkerSchedule.ActiveWindow(0, 10, 10, 10));
    }

    [Fact]
    public void Shrinking_ramp_retires_the_highest_workers_first()
    {
        // 10 → 0 over 10 s: the count is floor(10 − t), so worker 9 leaves at once, worker 8 at 1 s, worker 0 at 9 s.
        Assert.Equal((0.0, 0.0), WorkerSchedule.ActiveWindow(10, 0, 10, 9));
        Assert.Equal((0.0, 1.0), WorkerSchedule.ActiveWindow(10, 0, 10, 8));
        Assert.Equal((0.0, 9.0), WorkerSchedule.ActiveWindow(10, 0, 10, 0));
    }

    [Theory]
    [InlineData(0, 10, 10, 5.0, 5)]
    [InlineData(0, 10, 10, 4.99, 4)]
    [InlineData(4, 4, 10, 3, 4)]
    [InlineData(10, 2, 8, 4, 6)]
    public void Active_count_is_the_floor_of_the_linear_target(int from, int to, double length, double at, int expected)
    {
        Assert.Equal(expected, WorkerSchedule.ActiveAt(from, to, length, at));
    }

    [Fact]
    public void Windows_agree_with_active_counts()
    {
        for (double t = 0.05; t < 10; t += 0.1)
        {
            int active = Enumerable.Range(0, 12).Count(i => WorkerSchedule.ActiveWindow(3, 12, 10, i) is { } w && t >= w.Start && t < w.End);
            Assert.Equal(WorkerSchedule.ActiveAt(3, 12, 10, t), active);
        }
    }
}
