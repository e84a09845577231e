using LoadLab.Runner.Running;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Runner.Running;

public sealed class WholeSecondTests
{
    [Fact]
    public async Task The_wait_ends_on_the_next_whole_second_of_the_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 7, 0, 3, TimeSpan.Zero).AddMilliseconds(250));

        var wait = WholeSecond.WaitAsync(time, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(749));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await wait;

        Assert.Equal(0, time.GetUtcNow().Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void On_a_whole_second_there_is_nothing_to_wait_for()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 7, 0, 3, TimeSpan.Zero));

        Assert.True(WholeSecond.WaitAsync(time, CancellationToken.None).IsCompleted);
    }
}
