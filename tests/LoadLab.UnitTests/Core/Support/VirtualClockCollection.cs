namespace LoadLab.UnitTests.Core.Support;

/// <summary>
/// Engine runs on a virtual clock advance it in small real-time steps; starved of threads by other
/// test classes running in parallel they can fall behind, so these classes run on their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VirtualClockCollection
{
    public const string Name = "virtual-clock";
}
