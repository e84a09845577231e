namespace LoadLab.IntegrationTests.Fixtures;

/// <summary>
/// Test classes that set process-wide environment variables (credentials, tracing destinations) while a run is
/// under way. Every test class in this process, and every process a test starts, would see them, so these classes
/// run alone: xunit runs a collection that disables parallelization after the others, one test at a time. They get
/// a local target of their own (the "local-target" collection's has stopped by then).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection : ICollectionFixture<LocalTargetFixture>
{
    public const string Name = "process-environment";
}
