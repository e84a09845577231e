using LoadLab.Runner.Running;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Runner.Running;

public class SeedProgressTests
{
    private readonly FakeTimeProvider time = new();
    private readonly List<string> lines = [];

    [Fact]
    public void A_line_at_most_every_five_seconds_with_share_done_items_per_second_and_the_time_left()
    {
        var progress = new SeedProgress("local_Orders", 10_000, time, lines.Add);

        progress.Report(100);
        time.Advance(TimeSpan.FromSeconds(5));
        progress.Report(1_000);
        progress.Report(1_100);
        time.Advance(TimeSpan.FromSeconds(4));
        progress.Report(2_000);
        time.Advance(TimeSpan.FromSeconds(1));
        progress.Report(4_000);

        Assert.Equal(
        [
            "Seeding local_Orders: 1,000 / 10,000 items (10%), 200 items/s, ETA 45s",
            "Seeding local_Orders: 4,000 / 10,000 items (40%), 400 items/s, ETA 15s",
        ], lines);
    }

    [Fact]
    public void A_seed_shorter_than_the_interval_prints_no_progress_line()
    {
        var progress = new SeedProgress("t", 500, time, lines.Add);

        for (int i = 25; i <= 500; i += 25)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            progress.Report(i);
        }

        Assert.Empty(lines);
    }

    [Fact]
    public void Concurrent_reports_past_the_interval_print_one_line()
    {
        var progress = new SeedProgress("t", 1_000_000, time, message => { lock (lines) lines.Add(message); });
        time.Advance(TimeSpan.FromSeconds(6));

        Parallel.For(0, 1000, i => progress.Report(i));

        Assert.Single(lines);
    }
}
