namespace LoadLab.Core.Plans;

/// <summary>What a run talks to. Decided once, when the run is resolved; results.json names it in lower case.</summary>
public enum TargetKind
{
    /// <summary>The embedded local DynamoDB (dynalite) behind LoadLab's capacity simulator.</summary>
    Local,

    /// <summary>An endpoint given with --endpoint or by the environment (DynamoDB Local, another emulator, a proxy).</summary>
    Endpoint,

    /// <summary>Amazon DynamoDB in the environment's region.</summary>
    Aws,

    /// <summary>No target: <c>loadlab simulate</c> plays the suite through the capacity model on virtual time.</summary>
    Simulated,
}

/// <summary>The one rule that picks the target kind, and its name in reports.</summary>
public static class TargetKinds
{
    /// <summary>An endpoint wins; otherwise the local environment gets the embedded target and the others AWS.</summary>
    public static TargetKind For(string environment, Uri? endpoint) =>
        endpoint is not null ? TargetKind.Endpoint : environment == EnvironmentNames.Local ? TargetKind.Local : TargetKind.Aws;

    /// <summary><c>local</c>, <c>endpoint</c>, <c>aws</c> or <c>simulated</c>, as results.json writes it.</summary>
    public static string Name(TargetKind kind) => kind switch
    {
        TargetKind.Local => "local",
        TargetKind.Endpoint => "endpoint",
        TargetKind.Simulated => SimulatedName,
        _ => "aws",
    };

    /// <summary>The name results.json gives a simulated run's target.</summary>
    public const string SimulatedName = "simulated";
}
