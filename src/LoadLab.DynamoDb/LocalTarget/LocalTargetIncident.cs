using System.Globalization;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// The local DynamoDB (dynalite) stopped while it was meant to run: when, how, what it said last, what was
/// lost with it, and whether it was started again. A run reports these among its findings.
/// </summary>
/// <param name="At">When the exit was noticed.</param>
/// <param name="ProcessId">The process that stopped.</param>
/// <param name="ExitCode">Its exit code, when the OS gave one.</param>
/// <param name="LastOutput">Its last lines on stderr, without JavaScript stack frames.</param>
/// <param name="Lost">What went with it: in-memory tables and items, or only in-flight writes when persisted.</param>
/// <param name="Restarted">True when a new process serves on the same endpoint.</param>
/// <param name="RestartFailure">Why it was not restarted (restarts off, too many, or the start failed); null when restarted.</param>
public sealed record LocalTargetIncident(
    DateTimeOffset At,
    int ProcessId,
    int? ExitCode,
    string LastOutput,
    string Lost,
    bool Restarted,
    string? RestartFailure)
{
    /// <summary>One paragraph for the console and the run's findings.</summary>
    public string Describe()
    {
        string code = ExitCode is { } c ? c.ToString(CultureInfo.InvariantCulture) : "unknown";
        string then = Restarted
            ? "It was restarted on the same endpoint; " + Lost
            : "It was not restarted (" + RestartFailure + "); requests fail until LoadLab stops";
        return string.Create(CultureInfo.InvariantCulture, $"The local DynamoDB (dynalite, pid {ProcessId}) stopped unexpectedly at {At:HH:mm:ss} (exit code {code}). Its last output:{Environment.NewLine}{LastOutput}{Environment.NewLine}{then}.");
    }
}
