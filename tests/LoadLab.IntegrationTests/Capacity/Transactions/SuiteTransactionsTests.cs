using LoadLab.Capacity.Proxy;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.IntegrationTests.DynamoDb;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity.Transactions;

/// <summary>
/// A suite's transactGet and transactWrite operations run on the local target as LoadLab's own runs send them
/// (the driver, the SDK client in process with the simulator, dynalite behind it): no warning, no
/// NotSupportedByTarget, real outcomes and units.
/// </summary>
[Collection("local-target")]
public sealed class SuiteTransactionsTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task The_drivers_transact_operations_run_on_the_local_target_with_transactional_costs()
    {
        await using var proxy = await CapacityProxy.StartAsync(new CapacityProxyOptions { Upstream = fixture.Endpoint }, new ScriptedCapacityModel(), CancellationToken.None);
        using var client = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = proxy.Endpoint, UseLocalCredentials = true, InProcessHandler = proxy.CreateInProcessHandler() });
        var table = LocalTables.NewCustomerTable();
        var data = new DataSetPlan { TableId = table.Id, Model = "customer", Items = 20, Seed = 42 };
        try
        {
            await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None);
            await Seeder.SeedAsync(client, table, data, CustomerModel.Instance, new SeedOptions(), CancellationToken.None);
            var scenario = new ScenarioPlan
            {
                Name = "transactions",
                TableId = table.Id,
                Mix = [new OperationWeight(OperationKind.TransactWrite, 1), new OperationWeight(OperationKind.TransactGet, 1)],
                Phases = [new RatePhase(1, TimeSpan.FromSeconds(1))],
            };
            var executor = new DynamoDbOperationExecutor(client, scenario, table, data, CustomerModel.Instance, runSeed: 1, timeProvider: null,
                new DriverOptions { Target = TargetCapabilities.LocalTarget });

            var write = await executor.ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
            var read = await executor.ExecuteAsync(new OperationRequest(1, 1), CancellationToken.None);

            Assert.Empty(executor.Warnings);
            Assert.True(write.Kind == OutcomeKind.Ok, $"{write.Kind} {write.Reason}");
            Assert.True(read.Kind == OutcomeKind.Ok, $"{read.Kind} {read.Reason}");
            Assert.True(write.WriteUnits >= 2, $"write units {write.WriteUnits}"); // transactional: twice a plain write
            Assert.True(read.ReadUnits >= 2, $"read units {read.ReadUnits}");
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(client, table.Name);
        }
    }
}
