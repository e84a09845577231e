using System.Diagnostics;

namespace LoadLab.TestSupport;

/// <summary>
/// A deterministic virtual clock. Time moves only when the test says so, and <see cref="RunAsync{T}"/> moves it
/// event by event: it waits until the code under test has nothing left to do (no thread-pool work queued or
/// running), then jumps to the earliest timer and fires that one timer alone. Nothing is paced by the wall
/// clock, so a loaded machine makes a run slower, never different: a 50 ms delay measures 50 ms, and
/// arrivals start exactly on time.
/// </summary>
/// <remarks>
/// Timers due at the same instant fire one at a time in the order they were created. The wall clock serves only
/// as a failure guard (<see cref="StallLimit"/>), never to decide when virtual time moves.
/// </remarks>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly SortedSet<VirtualTimer> timers = new(TimerOrder.Instance);
    private long nowTicks;
    private long created;

    /// <param name="start">The clock's first reading of <see cref="GetUtcNow"/>.</param>
    public VirtualClock(DateTimeOffset start) => nowTicks = start.UtcTicks;

    /// <summary>Starts at noon UTC, 26 November 2026.</summary>
    public VirtualClock()
        : this(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>
    /// How long (wall clock) <see cref="RunAsync{T}"/> waits for a run that has no timer pending and is not done,
    /// before it fails: such a run waits on something other than this clock.
    /// </summary>
    public TimeSpan StallLimit { get; init; } = TimeSpan.FromSeconds(30);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timers created and neither fired (one-shot), disposed nor stopped.</summary>
    public int PendingTimers
    {
        get
        {
            lock (gate)
                return timers.Count;
        }
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref nowTicks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref nowTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/>, firing every timer that falls due on the way, in order,
    /// each at its own instant, on the calling thread.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long until = GetTimestamp() + by.Ticks;
        while (FireNext(until))
        {
        }

        Interlocked.Exchange(ref nowTicks, until);
    }

    /// <summary>
    /// Starts <paramref name="start"/> on the thread pool and drives this clock until its task completes: wait
    /// until the run is quiet, fire the earliest timer, repeat.
    /// </summary>
    /// <param name="limit">Virtual time the run may take; a run that needs more fails with <see cref="TimeoutException"/>.</param>
    public async Task<T> RunAsync<T>(Func<Task<T>> start, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(start);
        long end = GetTimestamp() + limit.Ticks;
        int others = BusyBeforeStart();
        var task = Task.Run(start);
        while (true)
        {
            Quiesce(task, others);
            if (task.IsCompleted)
                break;
            long? due = NextDue();
            if (due is null)
            {
                if (!WaitForTimer(task))
                    throw new InvalidOperationException("The virtual run stalled: it is not finished and has no timer pending on the virtual clock.");
                continue;
            }

            if (due.Value > end)
                throw new TimeoutException($"The virtual run did not finish within {limit} of virtual time.");
            FireNext(due.Value);
        }

        return await task.ConfigureAwait(false);
    }

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}}, TimeSpan)"/>
    public Task RunAsync(Func<Task> start, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(start);
        return RunAsync(async () =>
        {
            await start().ConfigureAwait(false);
            return true;
        }, limit);
    }

    private long? NextDue()
    {
        lock (gate)
            return timers.Count == 0 ? null : timers.Min!.Due;
    }

    /// <summary>Fires the earliest timer if it is due by <paramref name="until"/>; false when none is.</summary>
    private bool FireNext(long until)
    {
        VirtualTimer timer;
        lock (gate)
        {
            if (timers.Count == 0 || timers.Min!.Due > until)
                return false;
            timer = timers.Min;
            timers.Remove(timer);
            if (timer.Due > nowTicks)
                Interlocked.Exchange(ref nowTicks, timer.Due);
            if (timer.Period > 0)
                Schedule(timer, timer.Due + timer.Period, timer.Period);
        }

        timer.Fire();
        return true;
    }

    private void Schedule(VirtualTimer timer, long due, long period)
    {
        timer.Due = due;
        timer.Period = period;
        timer.Sequence = ++created;
        timers.Add(timer);
    }

    private void Change(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (timer.Disposed || dueTime == Timeout.InfiniteTimeSpan)
                return;
            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            long every = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            Schedule(timer, nowTicks + dueTime.Ticks, every);
        }
    }

    private void Remove(VirtualTimer timer)
    {
        lock (gate)
        {
            timer.Disposed = true;
            timers.Remove(timer);
        }
    }

    /// <summary>
    /// Pool workers busy before the run starts, this thread included: the test host's own (its message loop
    /// blocks a worker for good). The fewest seen in a few looks, so a passing work item is not counted.
    /// </summary>
    private static int BusyBeforeStart()
    {
        int fewest = int.MaxValue;
        for (int i = 0; i < 20; i++)
        {
            fewest = Math.Min(fewest, BusyWorkers());
            Thread.Yield();
        }

        return fewest;
    }

    /// <summary>
    /// Returns once the run is quiet: its task is done, or no thread-pool work is queued and no more workers are
    /// busy than before the run (<paramref name="others"/>), in two checks in a row with no work item completed
    /// between them. A worker busy for a whole second while nothing is queued and nothing completes is taken to
    /// be someone else's (a test that left work behind), so the run is quiet then too: slower, never stuck.
    /// </summary>
    private static void Quiesce(Task task, int others)
    {
        long lastCompleted = -1;
        int quietChecks = 0;
        var busySince = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            long completed = ThreadPool.CompletedWorkItemCount;
            bool nothingQueued = ThreadPool.PendingWorkItemCount == 0;
            bool noWorker = BusyWorkers() <= others;
            bool quiet = nothingQueued && completed == lastCompleted && (noWorker || busySince.ElapsedMilliseconds > 1000);
            if (!nothingQueued || completed != lastCompleted)
                busySince.Restart();
            quietChecks = quiet ? quietChecks + 1 : 0;
            if (quietChecks >= 2)
                return;
            lastCompleted = completed;
            Thread.Yield();
        }
    }

    private static int BusyWorkers()
    {
        ThreadPool.GetMaxThreads(out int max, out _);
        ThreadPool.GetAvailableThreads(out int available, out _);
        return max - available;
    }

    /// <summary>Waits (wall clock, up to <see cref="StallLimit"/>) for a timer to appear or the run to end.</summary>
    private bool WaitForTimer(Task task)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StallLimit)
        {
            if (task.IsCompleted || NextDue() is not null)
                return true;
            Thread.Sleep(1);
        }

        return false;
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long Due { get; set; }

        public long Period { get; set; }

        public long Sequence { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Disposed)
                return false;
            clock.Change(this, dueTime, period);
            return true;
        }

        public void Fire()
        {
            if (!Disposed)
                callback(state);
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class TimerOrder : IComparer<VirtualTimer>
    {
        public static readonly TimerOrder Instance = new();

        public int Compare(VirtualTimer? x, VirtualTimer? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            int byDue = x.Due.CompareTo(y.Due);
            return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
