using LoadLab.Core.Plans;
using LoadLab.Cli.Console;
using LoadLab.Core.Errors;
using System.Globalization;
using LoadLab.Cli.CommandLine;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab local</c>: serves the local DynamoDB until Ctrl+C, for any client (an application under test too).</summary>
internal static class LocalCommand
{
    public static readonly CommandSpec Spec = new(
        "local",
        "Starts the local DynamoDB (dynalite) behind the capacity simulator on loopback, prints the endpoint and serves until Ctrl+C.",
        [],
        [
            new("port", "N", "port the simulator listens on (default: a free port)"),
            new("preset", "NAME", "capacity simulator preset: documented (default), optimistic or legacy-no-adaptive"),
            new("simulator", "NAME=VALUE,…", "capacity simulator parameters, e.g. burstSeconds=0,onDemandPeakLag=2m"),
            new("persist", "DIR", "keep the data in DIR between starts (default: in memory)"),
            new("help", null, "show this help"),
        ]);

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, CancellationToken stop)
    {
        int port = 0;
        if (args.Value("port") is { } p && (!int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out port) || port is < 0 or > 65535))
            throw new InvalidInputException($"loadlab local: --port '{p}' must be a port number from 0 to 65535.");
        var errors = new List<string>();
        var simulator = LoadLab.Runner.Target.SimulatorSetup.ParseOptions(args.Value("preset"), args.Value("simulator"), errors);
        if (errors.Count > 0)
            throw new InvalidInputException("loadlab local: " + string.Join("\n  ", errors));
        void Log(string m) => console.MarkupLine($"[grey]·[/] {Markup.Escape(m)}");
        await using var target = await LoadLab.Runner.Target.TargetSession.OpenAsync(TargetKind.Local, null, "us-east-1", LoadLab.Runner.Target.SimulatorSetup.Settings(simulator), Log, stop, port, args.Value("persist")).ConfigureAwait(false);
        console.MarkupLine($"Local DynamoDB endpoint: [bold]{Markup.Escape(target.Endpoint!.ToString())}[/]");
        console.MarkupLine("Use any access key and secret, region us-east-1. Capacity metrics: GET /_loadlab/metrics. Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        console.MarkupLine("Stopped.");
        return ExitCodes.Ok;
    }
}
