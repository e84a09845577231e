using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Core.Support;

/// <summary>Advances a fake clock in small steps until a task finishes, so engine runs take virtual time.</summary>
internal static class VirtualClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Func<Task<T>> start, TimeSpan step, TimeSpan limit)
    {
        var task = Task.Run(start);
        var end = clock.GetUtcNow() + limit;
        while (!task.IsCompleted)
        {
            if (clock.GetUtcNow() > end) throw new TimeoutException("The virtual run did not finish within its limit.");
            // Give continuations released by the last step a moment to run before moving on.
            await Task.Delay(1);
            clock.Advance(step);
        }

        return await task;
    }
}
