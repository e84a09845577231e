using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.IntegrationTests.Capacity;
using LoadLab.IntegrationTests.DynamoDb;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.Runner.Simulation;
using LoadLab.TestSupport;
using VirtualClock = LoadLab.Core.Simulation.VirtualClock;

namespace LoadLab.IntegrationTests.Simulation;

/// <summary>
/// The simulated executor against the real thing: the same scenario, seed and arrivals run by the real executor
/// through the capacity simulator to the local target, and by the simulated executor on the model alone, consume the
/// same read and write units.
/// </summary>
[Collection("local-target")]
public sealed class SimulatedExecutorAgreementTests(LocalTargetFixture fixture)
{
    private const int Operations = 2_000;

    [Fact]
    public async Task Two_thousand_operations_consume_the_same_units_simulated_as_through_the_simulator()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        var table = LocalTables.NewCustomerTable() with
        {
            Indexes = [new IndexPlan { Name = "byTier", PartitionKey = new KeyAttribute("tier", "S") }],
        };
        var data = new DataSetPlan { TableId = table.Id, Model = "customer", Items = 400, Seed = 42 };
        var scenario = new ScenarioPlan
        {
            Name = "mixed",
            TableId = table.Id,
            Keys = new KeyDistributionPlan("zipfian"),
            Mix =
            [
                new OperationWeight(OperationKind.Get, 1),
                new OperationWeight(OperationKind.Put, 1),
                new OperationWeight(OperationKind.Update, 1),
                new OperationWeight(OperationKind.Delete, 1),
                new OperationWeight(OperationKind.Query, 1) { Options = new OperationOptions { Index = "byTier", Limit = 40 } },
                new OperationWeight(OperationKind.Put, 1) { Options = new OperationOptions { NewItems = true } },
            ],
            Phases = [new RatePhase(1, TimeSpan.FromSeconds(1))],
        };
        var plan = new RunPlan { RunId = "agree", SuiteName = "agree", Seed = 7, Tables = [table], DataSets = [data], Scenarios = [scenario] };
        try
        {
            await TableProvisioner.EnsureTableAsync(bed.Client, table, CancellationToken.None);
            await Seeder.SeedAsync(bed.Client, table, data, DataModels.For(data), new SeedOptions(), CancellationToken.None);
            var real = new DynamoDbOperationExecutor(bed.Client, scenario, table, data, DataModels.For(data), plan.Seed);
            var simulated = SimulatedTarget.Create(plan, new ScriptedCapacityModel(), new VirtualClock(DateTimeOffset.UtcNow)).For(scenario);

            double realRead = 0, realWrite = 0, simRead = 0, simWrite = 0;
            int realItems = 0, simItems = 0;
            for (long sequence = 0; sequence < Operations; sequence++)
            {
                var request = new OperationRequest(sequence, (int)(sequence % scenario.Mix.Count));
                var outcome = await real.ExecuteAsync(request, CancellationToken.None);
                var attempt = simulated.Attempt(request, 1);
                Assert.Equal(outcome.Kind, attempt.Kind);
                realRead += outcome.ReadUnits;
                realWrite += outcome.WriteUnits;
                realItems += outcome.ItemsReturned;
                simRead += attempt.ReadUnits;
                simWrite += attempt.WriteUnits;
                simItems += attempt.ItemsReturned;
            }

            Assert.True(realRead > 0 && realWrite > 0);
            Assert.InRange(simRead, realRead * 0.98, realRead * 1.02);
            Assert.Equal(realWrite, simWrite, 6);
            Assert.InRange(simWrite, realWrite * 0.98, realWrite * 1.02);
            Assert.Equal(realItems, simItems);
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(bed.Client, table.Name);
        }
    }
}
