using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Target;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab local [--port N] [--persist DIR] [--preset NAME] [--simulator …]</c>.</summary>
internal sealed class LocalSettings : LoadLabSettings
{
    private SimulatorOptions? simulator;

    [CommandOption("--port <N>")]
    [Description("port the simulator listens on (default: a free port)")]
    public string? Port { get; init; }

    [CommandOption("--preset <NAME>")]
    [Description("capacity simulator preset: documented (default), optimistic or legacy-no-adaptive")]
    public string? Preset { get; init; }

    [CommandOption("--simulator <NAME=VALUE,…>")]
    [Description("capacity simulator parameters, e.g. burstSeconds=0,onDemandPeakLag=2m")]
    public string? Simulator { get; init; }

    [CommandOption("--persist <DIR>")]
    [Description("keep the data in DIR between starts (default: in memory)")]
    public string? Persist { get; init; }

    /// <summary>The port to listen on; 0 for any free one.</summary>
    public int PortNumber { get; private set; }

    public SimulatorOptions SimulatorOptions => Validated(simulator);

    protected override void Check(List<string> errors)
    {
        PortNumber = OptionValues.Port(Port, errors);
        simulator = SimulatorSetup.ParseOptions(Preset, Simulator, errors);
        if (Persist is { } folder && string.IsNullOrWhiteSpace(folder))
            errors.Add("--persist is empty: name a folder for the data");
    }

    public override void CheckFiles(List<string> errors)
    {
        if (Persist is not null)
            PathChecks.OutputFolder(Persist, "--persist", errors);
    }
}
