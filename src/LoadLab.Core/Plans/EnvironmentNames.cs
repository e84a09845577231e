namespace LoadLab.Core.Plans;

/// <summary>The environments a suite can run in: one list, used by the suite loader, the guards and the command line.</summary>
public static class EnvironmentNames
{
    public const string Local = "local";
    public const string Dev = "dev";
    public const string Staging = "staging";
    public const string Prod = "prod";

    public static IReadOnlyList<string> All { get; } = [Local, Dev, Staging, Prod];
}
