using LoadLab.Core.Plans;
namespace LoadLab.Runner.Suites;

/// <summary>What the command line adds to a suite when loading it.</summary>
public sealed record SuiteLoadOptions
{
    /// <summary>Identifier the run gets in reports and folder names.</summary>
    public required string RunId { get; init; }

    /// <summary>Factor applied to every phase and warm-up (0.1 for a smoke run). Must be greater than 0.</summary>
    public double DurationScale { get; init; } = 1.0;

    /// <summary>Replaces the suite's <c>seed</c> (and so the default seed of its data sets).</summary>
    public long? SeedOverride { get; init; }

    /// <summary>Replaces the suite's <c>environment</c>; one of <see cref="SuiteValues.Environments"/>.</summary>
    public string? EnvironmentOverride { get; init; }

    /// <summary>
    /// Environment settings shared by the suites of a folder (environments.yaml); the suite's own
    /// <c>environments:</c> overrides them value by value. <see cref="SuiteLoader.Load"/> reads the file beside the suite when this is empty.
    /// </summary>
    public IReadOnlyDictionary<string, EnvironmentPlan> Environments { get; init; } = new Dictionary<string, EnvironmentPlan>();
}
