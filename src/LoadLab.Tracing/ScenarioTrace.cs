using LoadLab.Core.Plans;
using LoadLab.Tracing.Capture;

namespace LoadLab.Tracing;

/// <summary>What a scenario's traces have in common, resolved once when the executor is wrapped.</summary>
public sealed class ScenarioTrace
{
    private readonly double[] phaseEnds;
    private readonly string[] phaseLabels;
    private readonly double warmupSeconds;

    /// <param name="itemIndexOf">Sequence → item index, for the key hash; null when the executor has no items.</param>
    public ScenarioTrace(ScenarioPlan plan, string tableName, ICallCapture? capture, Func<long, long>? itemIndexOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tableName);
        Name = plan.Name;
        TableName = tableName;
        Capture = capture;
        ItemIndexOf = itemIndexOf;
        Operations = plan.Mix.Select(m => m.Operation).ToArray();
        warmupSeconds = plan.Warmup.TotalSeconds;
        phaseEnds = new double[plan.Phases.Count];
        phaseLabels = new string[plan.Phases.Count];
        double end = 0;
        for (int i = 0; i < plan.Phases.Count; i++)
        {
            end += plan.Phases[i].Duration.TotalSeconds;
            phaseEnds[i] = end;
            phaseLabels[i] = Label(plan.Phases[i]);
        }
    }

    public string Name { get; }

    public string TableName { get; }

    public IReadOnlyList<string> Operations { get; }

    public ICallCapture? Capture { get; }

    public Func<long, long>? ItemIndexOf { get; }

    /// <summary>
    /// The phase an operation started in: <c>warmup</c>, <c>ramp</c>, <c>steady</c>, <c>pause</c>, <c>profile</c>, or <c>drain</c>
    /// after the last phase; the index is the phase's position under <c>load:</c> (-1 after the end).
    /// </summary>
    public (string Label, int Index) PhaseAt(double secondsFromStart)
    {
        int index = Array.FindIndex(phaseEnds, end => secondsFromStart < end);
        if (index < 0)
            return ("drain", -1);
        return (secondsFromStart < warmupSeconds ? "warmup" : phaseLabels[index], index);
    }

    private static string Label(LoadPhase phase) => phase switch
    {
        RampPhase or RampConcurrencyPhase => "ramp",
        PausePhase => "pause",
        ProfilePhase => "profile",
        _ => "steady",
    };
}
