using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.DynamoDb;

[Collection("local-target")]
public sealed class TableAndSeedTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task Creates_a_table_seeds_2000_items_and_they_are_all_there()
    {
        using var client = LocalTables.Client(fixture.Endpoint);
        var table = LocalTables.NewCustomerTable();
        var data = new DataSetPlan { TableId = table.Id, Model = "customer", Items = 2000, Seed = 42 };
        try
        {
            bool created = await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None);
            var result = await Seeder.SeedAsync(client, table, data, DataModels.Get("customer"), new SeedOptions(), CancellationToken.None);

            Assert.True(created);
            Assert.Equal(2000, result.ItemsWritten);
            Assert.Equal(80, result.Batches);
            Assert.Equal(2000, await LocalTables.CountAsync(client, table.Name));
            var stored = await client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = CustomerModel.Instance.KeyOf(1234, table) });
            Assert.Equal(CustomerModel.Instance.CreateItem(42, 1234, table)["email"].S, stored.Item["email"].S);
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(client, table.Name);
        }
    }

    [Fact]
    public async Task An_existing_table_is_reused_and_a_different_key_is_refused()
    {
        using var client = LocalTables.Client(fixture.Endpoint);
        var table = LocalTables.NewCustomerTable() with { Capacity = new CapacityPlan(CapacityMode.Provisioned, 5, 5) };
        try
        {
            Assert.True(await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None));
            Assert.False(await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None));
            var described = await client.DescribeTableAsync(table.Name);
            Assert.Equal(5, described.Table.ProvisionedThroughput.ReadCapacityUnits);

            var otherKey = table with { PartitionKey = new KeyAttribute("id", "N"), SortKey = null };
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => TableProvisioner.EnsureTableAsync(client, otherKey, CancellationToken.None));
            Assert.Contains($"Table '{table.Name}' already exists with key pk (S), sort sk (S), but the suite declares id (N)", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(client, table.Name);
        }
    }
}
