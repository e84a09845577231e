namespace LoadLab.UnitTests.Core.Support;

/// <summary>
/// Test classes that drive a <see cref="VirtualClock"/> with <see cref="VirtualClock.RunAsync{T}"/>. The clock moves
/// only once the thread pool is quiet, and other test classes running beside it would keep the pool busy (the
/// runs would be slow, never wrong), so these classes run on their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VirtualClockCollection
{
    public const string Name = "virtual-clock";
}
