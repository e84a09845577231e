using LoadLab.Core.Engine;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.UnitTests.Core.Support;

namespace LoadLab.UnitTests.DynamoDb.Driver;

// The driver's item counts reach the results: summed per operation, and absent for operations that have none.
[Collection(VirtualClockCollection.Name)]
public sealed class ItemCountRecordingTests
{
    [Fact]
    public async Task Item_counts_are_summed_per_operation_and_left_out_where_zero()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var query = new OperationOutcome(OutcomeKind.Ok, ReadUnits: 1.5) { ItemsReturned = 3, ItemsScanned = 10, Pages = 2 };
        var batch = new OperationOutcome(OutcomeKind.Ok, WriteUnits: 25) { UnprocessedRetries = 1 };
        var executor = new ScriptedExecutor(r => r.OperationIndex switch { 0 => OperationOutcome.Ok, 1 => query, _ => batch });
        var plan = new ScenarioPlan
        {
            Name = "s",
            TableId = "t",
            Mix = [new OperationWeight(OperationKind.Get, 1), new OperationWeight(OperationKind.Query, 1), new OperationWeight(OperationKind.BatchWrite, 1)],
            Phases = [new RatePhase(300, TimeSpan.FromSeconds(1))],
        };

        var result = await clock.RunAsync(
            () => new LoadEngine(clock).RunAsync([new EngineScenario(plan, executor, "local_t")], new EngineOptions(), CancellationToken.None),
            TimeSpan.FromMinutes(1));

        var operations = Assert.Single(result.Scenarios).Operations;
        var (get, q, b) = (operations[0], operations[1], operations[2]);
        Assert.Equal((null, null, null, null), (get.ItemsReturned, get.ItemsScanned, get.Pages, get.UnprocessedRetries));
        Assert.Equal((q.Completed * 3, q.Completed * 10, q.Completed * 2), (q.ItemsReturned, q.ItemsScanned, q.Pages));
        Assert.Null(q.UnprocessedRetries);
        Assert.Equal(b.Completed, b.UnprocessedRetries);
        Assert.True(q.Completed > 0 && b.Completed > 0);
    }
}
