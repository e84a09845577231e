using LoadLab.Core.Plans;

namespace LoadLab.Runner.Environments;

/// <summary>Where a command goes once the environment is resolved and the command line applied on top.</summary>
/// <param name="Region">--region, else the environment's region, else us-east-1.</param>
/// <param name="Endpoint">--endpoint, else the environment's endpoint, else null (AWS, or the embedded target for local).</param>
internal sealed record TargetSettings(ResolvedEnvironment Environment, string Region, Uri? Endpoint)
{
    public string? Profile => Environment.Profile;

    /// <summary>What the run talks to: the endpoint, the embedded local target, or AWS.</summary>
    public TargetKind Kind => TargetKinds.For(Environment.Name, Endpoint);

    /// <summary>Requests go to an emulator on this machine with dummy credentials: no account to check.</summary>
    public bool IsLoopback => Endpoint?.IsLoopback == true;
}
