using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;

namespace LoadLab.Core.Engine;

/// <summary>
/// Closes one statistics interval for every scenario at start + n·interval (absolute times, so
/// intervals do not drift), and publishes a live snapshot after each. The real engine runs it on its own
/// (<see cref="RunAsync"/>); the virtual engine calls <see cref="CloseNextInterval"/> when its clock reaches
/// <see cref="NextBoundary"/>, so both close intervals, phases and target rates the same way.
/// </summary>
internal sealed class IntervalSampler(
    IReadOnlyList<IScenarioProgress> runners,
    TimeProvider time,
    long start,
    TimeSpan interval,
    Action<LiveSnapshot>? onInterval)
{
    private readonly Pacer pacer = new(time);
    private readonly double plannedSeconds = runners.Select(r => r.Plan.Duration.TotalSeconds).DefaultIfEmpty(0).Max();
    private long closedIntervals;
    private double closedUntil;

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await pacer.WaitUntilAsync(NextBoundary, stop).ConfigureAwait(false);
                if (stop.IsCancellationRequested) break;
                CloseNextInterval();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The timestamp at which the next full interval ends.</summary>
    public long NextBoundary => start + (long)Math.Round((closedIntervals + 1) * interval.TotalSeconds * time.TimestampFrequency);

    /// <summary>Closes the next full interval (its end is <see cref="NextBoundary"/>) and publishes it.</summary>
    public void CloseNextInterval()
    {
        Close((closedIntervals + 1) * interval.TotalSeconds);
        closedIntervals++;
    }

    /// <summary>Closes the partial interval between the last full one and now, if any time passed.</summary>
    public void CloseFinalInterval()
    {
        double now = time.GetElapsedTime(start).TotalSeconds;
        // Always close: operations that finished during the drain must reach the cumulative
        // histograms even when no time has passed (virtual clocks, a run ending on a boundary).
        // The trailing sliver is not shown live: its near-zero rate would mislead.
        Close(Math.Max(now, closedUntil), publish: now - closedUntil >= interval.TotalSeconds / 2);
    }

    private void Close(double until, bool publish = true)
    {
        double from = closedUntil;
        double length = until - from;
        var live = new List<LiveScenario>(runners.Count);
        foreach (var runner in runners)
        {
            var schedule = runner.Schedule;
            double target = schedule.ArrivalsBy(until) - schedule.ArrivalsBy(from);
            string phase = runner.CurrentPhase?.Describe() ?? "";
            runner.Recorder.CloseInterval(Math.Round(from, 3), Math.Round(length, 3), phase, target);
            var last = runner.Recorder.LastInterval!;
            live.Add(new LiveScenario(
                runner.Plan.Name,
                phase,
                runner.CurrentPhase is { IsOpen: true } ? schedule.RateAt(Math.Min(until, schedule.TotalSeconds - 1e-9)) : 0,
                length > 0 ? last.Interval.Completed / length : 0,
                last.P50Ms,
                last.P99Ms,
                runner.Recorder.Operations.Sum(o => o.ThrottleReasons.Values.Sum()),
                // The same errors as the final tables: condition failures are expected outcomes, not errors.
                runner.Recorder.Operations.Sum(o => o.Errors()),
                runner.Recorder.Dropped,
                runner.Recorder.InFlight,
                last.Interval,
                last.Operations?.Select((point, i) => new LiveOperation(runner.Recorder.Operations[i].Name, point)).ToArray(),
                last.Reach));
        }

        closedUntil = until;
        if (publish)
            onInterval?.Invoke(new LiveSnapshot(Math.Round(until, 3), plannedSeconds, live));
    }
}
