using System.Globalization;
using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Html;

public static partial class HtmlReport
{
    private static void WriteRunInfo(HtmlWriter html, RunResult result)
    {
        var run = result.Run;
        var target = run.Target;
        var machine = run.Machine;
        html.Open("section", id: "run-info").Element("h2", "Run, machine and target");
        html.Facts(
        [
            ("run id", run.RunId),
            ("suite", run.Suite + (run.SuiteFile is null ? "" : " (" + run.SuiteFile + ")")),
            ("environment", run.Environment),
            ("seed", run.Seed.ToString(CultureInfo.InvariantCulture)),
            ("started", Timestamp(run.StartedAt)),
            ("ended", Timestamp(run.EndedAt)),
            ("duration", Seconds(run.DurationSeconds) + (run.DurationScale == 1 ? "" : $" (durations scaled by {Number(run.DurationScale)})")),
            ("interrupted", run.Interrupted ? "yes: results are partial" : "no"),
            .. run.Simulation is { } simulation ? [("simulation", FormattableString.Invariant($"virtual time, played in {Seconds(simulation.WallSeconds)}; {Count(simulation.Attempts)} attempts; service time per attempt: {string.Join("; ", simulation.ServiceTime)}"))] : Array.Empty<(string, string)>(),
            ("target", target.Kind + (target.Endpoint is null ? "" : " " + target.Endpoint) + ", region " + target.Region),
            ("AWS SDK", FormattableString.Invariant($"AWSSDK.DynamoDBv2 {target.SdkVersion}, AWSSDK.Core {target.SdkCoreVersion}, retry mode {target.RetryMode}, at most {target.MaxAttempts} attempts") + (target.TimeoutSeconds is { } timeout ? FormattableString.Invariant($" of {timeout:0.###} s each") : "")
                + (target.MaxConnections is { } connections ? FormattableString.Invariant($", at most {connections} connections") : "")
                + (target.ConnectTimeoutSeconds is { } connect ? FormattableString.Invariant($", connect timeout {connect:0.###} s") : "")),
            ("machine", FormattableString.Invariant($"{machine.Os} ({machine.Architecture}), {machine.ProcessorCount} cores, {machine.Runtime}")),
            ("LoadLab", machine.LoadLabVersion),
            .. result.Simulator is { } simulator ? [("capacity simulator", SimulatorText.Settings(simulator))] : Array.Empty<(string, string)>(),
        ]);
        html.Close("section");
    }
}
