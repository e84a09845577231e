using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>
/// Progress while a run is under way. On a terminal a live table redrawn each interval; otherwise
/// (CI, redirected output) one plain line every few seconds, which logs read well.
/// </summary>
internal sealed class RunProgress(IAnsiConsole console, bool interactive, TimeSpan plainEvery)
{
    private readonly object gate = new();
    private LiveSnapshot? latest;
    private double lastPlainLine = double.NegativeInfinity;

    public bool Interactive { get; } = interactive;

    /// <summary>Called by the engine after each interval.</summary>
    public void OnInterval(LiveSnapshot snapshot)
    {
        lock (gate)
        {
            latest = snapshot;
            if (Interactive || snapshot.ElapsedSeconds - lastPlainLine < plainEvery.TotalSeconds) return;
            lastPlainLine = snapshot.ElapsedSeconds;
        }

        foreach (var s in snapshot.Scenarios)
            console.WriteLine(PlainLine(snapshot, s));
    }

    /// <summary>Runs <paramref name="work"/> while showing the live table (interactive) or nothing extra (plain).</summary>
    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        if (!Interactive) return await work().ConfigureAwait(false);
        T result = default!;
        await console.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            var task = work();
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
                context.UpdateTarget(Render());
            }

            result = await task.ConfigureAwait(false);
            context.UpdateTarget(Render());
        }).ConfigureAwait(false);
        return result;
    }

    internal static string PlainLine(LiveSnapshot snapshot, LiveScenario s) => Formatting.Invariant(
        $"[{snapshot.ElapsedSeconds,6:0}s/{snapshot.PlannedSeconds:0}s] {s.Name}: {s.Phase} | {s.AchievedRate:0} ops/s (target {s.TargetRate:0}) | p50 {s.P50Ms:0.00} ms p99 {s.P99Ms:0.00} ms | throttled {s.ThrottledTotal} errors {s.ErrorsTotal} dropped {s.DroppedTotal} in-flight {s.InFlight}");

    private Table Render()
    {
        LiveSnapshot? snapshot;
        lock (gate) snapshot = latest;
        var table = new Table().Border(TableBorder.Rounded);
        string elapsed = snapshot is null ? "starting" : Formatting.Invariant($"{snapshot.ElapsedSeconds:0}s of {snapshot.PlannedSeconds:0}s");
        table.Title($"[bold]LoadLab[/] — {Markup.Escape(elapsed)}");
        foreach (var column in new[] { "scenario", "phase", "ops/s", "target", "p50 ms", "p99 ms", "throttled", "errors", "dropped", "in-flight" })
            table.AddColumn(new TableColumn(column).RightAligned());
        if (snapshot is null) return table;
        foreach (var s in snapshot.Scenarios)
        {
            table.AddRow(
                Markup.Escape(s.Name),
                Markup.Escape(s.Phase),
                Formatting.Invariant($"{s.AchievedRate:0}"),
                s.TargetRate > 0 ? Formatting.Invariant($"{s.TargetRate:0}") : "-",
                Formatting.Invariant($"{s.P50Ms:0.00}"),
                Formatting.Invariant($"{s.P99Ms:0.00}"),
                Count(s.ThrottledTotal, "yellow"),
                Count(s.ErrorsTotal, "red"),
                Count(s.DroppedTotal, "yellow"),
                Formatting.Invariant($"{s.InFlight}"));
        }

        return table;
    }

    private static string Count(long n, string colour) =>
        n == 0 ? "0" : $"[{colour}]{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}[/]";
}
