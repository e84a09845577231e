using LoadLab.Core.Engine;
using LoadLab.Core.Plans;

namespace LoadLab.Core.Budgets;

/// <summary>
/// Watches the budgets that have an <c>abortAfter</c> grace while the run goes on, fed by the
/// engine after each interval. When one has stayed broken for longer than its grace, it records
/// why and cancels <see cref="AbortToken"/>, which the caller links into the engine's stop token:
/// scheduling stops, in-flight operations drain and the results are written as usual.
/// </summary>
public sealed class BudgetMonitor : IDisposable
{
    private readonly CancellationTokenSource abort = new();
    private readonly Watch[] watches;
    private readonly IReadOnlyDictionary<string, double> warmups;
    private BudgetAbort? aborted;

    /// <param name="budgets">All budgets of the plan; only those with <see cref="BudgetDefinition.AbortAfter"/> are watched.</param>
    /// <param name="warmups">Warm-up per scenario name: intervals inside it are not measured and are ignored.</param>
    public BudgetMonitor(IReadOnlyList<BudgetDefinition> budgets, IReadOnlyDictionary<string, TimeSpan> warmups)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(warmups);
        watches = [.. budgets.Select((b, i) => (Budget: b, Index: i)).Where(x => x.Budget.AbortAfter is not null).Select(x => new Watch(x.Index, x.Budget))];
        this.warmups = warmups.ToDictionary(w => w.Key, w => w.Value.TotalSeconds, StringComparer.Ordinal);
    }

    public static BudgetMonitor For(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new BudgetMonitor(plan.Budgets, plan.Scenarios.ToDictionary(s => s.Name, s => s.Warmup, StringComparer.Ordinal));
    }

    /// <summary>Cancelled when a budget aborts the run.</summary>
    public CancellationToken AbortToken => abort.Token;

    /// <summary>The budget that stopped the run, or null.</summary>
    public BudgetAbort? Abort => Volatile.Read(ref aborted);

    /// <summary>Feed from <see cref="EngineOptions.OnInterval"/>; runs on the engine's sampler thread.</summary>
    public void OnInterval(LiveSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (watches.Length == 0 || Abort is not null)
            return;
        foreach (var watch in watches)
        {
            if (watch.Observe(snapshot, warmups) is { } verdict
                // Past the planned end only the drain is left: stopping then would change nothing but the note.
                && snapshot.ElapsedSeconds < snapshot.PlannedSeconds)
            {
                Volatile.Write(ref aborted, verdict);
                abort.Cancel();
                return;
            }
        }
    }

    public void Dispose() => abort.Dispose();

    /// <summary>One watched budget: its running window and since when it has been broken.</summary>
    private sealed class Watch(int index, BudgetDefinition budget)
    {
        private readonly SlidingWindow window = new(budget);
        private readonly double grace = budget.AbortAfter!.Value.TotalSeconds;
        private double? brokenSince;

        /// <summary>Adds the interval; returns the abort when the budget has now been broken for longer than the grace.</summary>
        public BudgetAbort? Observe(LiveSnapshot snapshot, IReadOnlyDictionary<string, double> warmups)
        {
            if (Slot(snapshot, warmups) is not { } slot)
                return null;
            window.Push(slot);
            // No samples yet (or none in this window) neither breaks nor heals the budget.
            if (window.Value() is not { } raw)
                return null;
            double value = BudgetEvaluator.Round(budget, raw);
            if (budget.Holds(value))
            {
                brokenSince = null;
                return null;
            }
            brokenSince ??= slot.Start;
            double brokenFor = slot.End - brokenSince.Value;
            return brokenFor > grace
                ? new BudgetAbort(index, budget.Describe(), Math.Round(slot.End, 3), Math.Round(brokenSince.Value, 3), value)
                : null;
        }

        private IntervalSlot? Slot(LiveSnapshot snapshot, IReadOnlyDictionary<string, double> warmups)
        {
            IntervalSlot? combined = null;
            foreach (var scenario in snapshot.Scenarios.Where(s => BudgetScope.Covers(budget, s.Name)))
            {
                if (scenario.Interval is not { } interval || scenario.Operations is not { } operations)
                    continue;
                var slot = IntervalSlot.From(
                    interval.Start,
                    interval.Length,
                    interval,
                    operations.Where(o => BudgetScope.CoversOperation(budget, o.Name)).Select(o => o.Interval),
                    warmups.GetValueOrDefault(scenario.Name),
                    budget.OkOnly);
                if (slot is null)
                    continue;
                if (combined is null)
                    combined = slot;
                else
                    combined.Absorb(slot);
            }
            return combined;
        }
    }
}
