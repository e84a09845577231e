using System.Buffers;
using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Core.Errors;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;
using VirtualClock = LoadLab.Core.Simulation.VirtualClock;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.Runner.Simulation;
using LoadLab.TestSupport;
using LoadLab.UnitTests.Capacity.Proxy;
using static LoadLab.UnitTests.Runner.Simulation.SimulationKit;

namespace LoadLab.UnitTests.Runner.Simulation;

public sealed class SimulatedExecutorTests
{
    [Fact]
    public void Each_arrival_targets_the_item_the_real_executor_draws()
    {
        var table = Table();
        var dataSet = DataSet(items: 5000);
        var plan = Plan(table, dataSet, Op(OperationKind.Get));
        var target = SimulatedTarget.Create(plan, new ScriptedCapacityModel(), new VirtualClock(Start));
        var scenario = plan.Scenarios[0];
        var keys = new KeySpace(scenario.Keys, plan.Seed, scenario.Name, dataSet.Items);
        using var client = new Amazon.DynamoDBv2.AmazonDynamoDBClient(new Amazon.Runtime.AnonymousAWSCredentials(), new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1" });
        var real = new DynamoDbOperationExecutor(client, scenario, table, dataSet, DataModels.For(dataSet), plan.Seed);

        var simulated = target.ExecutorOf(scenario.Name);
        for (long sequence = 0; sequence < 500; sequence++)
        {
            Assert.Equal(keys.Next(sequence), simulated.IndexOf(sequence));
            Assert.Equal(real.IndexOf(sequence), simulated.IndexOf(sequence));
        }
    }

    [Fact]
    public void The_get_charges_the_read_units_of_the_items_size_and_routes_to_its_key()
    {
        var table = Table();
        var dataSet = DataSet(size: ItemSizePlan.Target(10_000));
        var model = new ScriptedCapacityModel();
        var plan = Plan(table, dataSet, Op(OperationKind.Get), Op(OperationKind.Get, new OperationOptions { ConsistentRead = true }));
        var executor = SimulatedTarget.Create(plan, model, new VirtualClock(Start)).ExecutorOf("browse");

        long index = executor.IndexOf(3);
        long bytes = ItemSize.Of(DataModels.For(dataSet).CreateItem(dataSet.Seed, index, table));
        var eventual = executor.Attempt(3, operation: 0);
        var strong = executor.Attempt(3, operation: 1);

        Assert.Equal(OutcomeKind.Ok, eventual.Kind);
        Assert.Equal(CostRules.Documented.Read(bytes, ReadKind.Eventual), eventual.ReadUnits);
        Assert.Equal(CostRules.Documented.Read(bytes, ReadKind.Strong), strong.ReadUnits);
        Assert.Equal(Math.Ceiling(bytes / 4096.0), strong.ReadUnits);
        var charge = model.SettledCharges[^1];
        Assert.Equal("Customers", charge.Table);
        Assert.Equal("S:" + DataModels.For(dataSet).KeyOf(index, table)["pk"].S, charge.ItemKey.Split('\u001F')[0]);
    }

    [Fact]
    public async Task A_put_on_a_table_with_a_global_index_is_charged_as_the_proxy_charges_the_same_put()
    {
        var table = Table(byTier: true);
        var dataSet = DataSet();
        var plan = Plan(table, dataSet, Op(OperationKind.Put));
        var clock = new VirtualClock(Start);
        clock.AdvanceTo(TimeSpan.FromSeconds(5));
        var simulatedModel = new ScriptedCapacityModel();
        var executor = SimulatedTarget.Create(plan, simulatedModel, clock).ExecutorOf("browse");
        const long sequence = 11;
        long index = executor.IndexOf(sequence);

        var answer = executor.Attempt(sequence);

        // The same put through the proxy's pipeline, over the seeded item.
        using var harness = new ProxyHarness();
        using (var create = SimulatedTarget.CreateTableJson(table))
            await harness.CreateTableAsync(create.RootElement.GetRawText());
        var data = DataModels.For(dataSet);
        var seeded = data.CreateItem(dataSet.Seed, index, table);
        await harness.SendAsync("PutItem", $$"""{"TableName":"Customers","Item":{{Json(seeded)}}}""");
        harness.Model.Settled.Clear();
        var written = ItemWrites.Refreshed(data.CreateItem(dataSet.Seed, index, table), sequence, clock);
        await harness.SendAsync("PutItem", $$"""{"TableName":"Customers","Item":{{Json(written)}}}""");

        var expected = ProxyReply.ByResource(harness.Model.SettledCharges);
        Assert.Equal(OutcomeKind.Ok, answer.Kind);
        Assert.Equal(expected, ProxyReply.ByResource(simulatedModel.SettledCharges));
        Assert.True(expected.ContainsKey("Customers/byTier"));
        Assert.Equal(expected.Values.Sum(), answer.WriteUnits);
        Assert.Equal(
            harness.Model.SettledCharges.Select(c => (c.Index, c.PartitionHash, c.ItemKey)),
            simulatedModel.SettledCharges.Select(c => (c.Index, c.PartitionHash, c.ItemKey)));
    }

    [Fact]
    public void Hammering_a_five_unit_table_in_one_virtual_second_throttles_with_the_table_write_reason()
    {
        var table = Table(new CapacityPlan(CapacityMode.Provisioned, 5, 5));
        var plan = Plan(table, DataSet(size: ItemSizePlan.Target(900)), Op(OperationKind.Put));
        var clock = new VirtualClock(Start);
        var model = new CapacityModel(new CapacitySettings { BurstSeconds = 0 }, clock);
        var executor = SimulatedTarget.Create(plan, model, clock).ExecutorOf("browse");

        var answers = Enumerable.Range(0, 40).Select(i =>
        {
            clock.AdvanceTo(TimeSpan.FromMilliseconds(i * 20));
            return executor.Attempt(i);
        }).ToList();

        var throttled = answers.Where(a => a.Kind == OutcomeKind.Throttled).ToList();
        Assert.InRange(answers.Count(a => a.Kind == OutcomeKind.Ok), 1, 10);
        Assert.NotEmpty(throttled);
        Assert.All(throttled, a =>
        {
            Assert.True(a.Retryable);
            Assert.Equal(0, a.WriteUnits);
            Assert.Equal("TableWriteProvisionedThroughputExceeded", a.Reason);
        });
    }

    [Fact]
    public void A_retry_repeats_the_same_request_and_an_insert_keeps_its_reserved_key()
    {
        var table = Table(new CapacityPlan(CapacityMode.Provisioned, 5, 1));
        var plan = Plan(table, DataSet(size: ItemSizePlan.Target(900)), Op(OperationKind.Put, new OperationOptions { NewItems = true }));
        var clock = new VirtualClock(Start);
        var model = new CapacityModel(new CapacitySettings { BurstSeconds = 0 }, clock);
        var target = SimulatedTarget.Create(plan, model, clock);
        var executor = target.ExecutorOf("browse");

        var first = executor.Attempt(0);
        var refused = executor.Attempt(1);
        clock.AdvanceTo(TimeSpan.FromSeconds(3));
        var retried = executor.Attempt(1, attempt: 2);

        Assert.Equal(OutcomeKind.Ok, first.Kind);
        Assert.Equal(OutcomeKind.Throttled, refused.Kind);
        Assert.Equal(OutcomeKind.Ok, retried.Kind);
        // Two inserts: the refused attempt reserved the second new key, and its retry wrote it.
        Assert.Equal(2, target.Tables["customers"].TouchedItems);
    }

    [Fact]
    public void A_get_after_a_delete_finds_nothing_and_pays_the_one_block_minimum()
    {
        var table = Table();
        var dataSet = DataSet(size: ItemSizePlan.Target(9_000));
        var plan = Plan(table, dataSet, Op(OperationKind.Delete), Op(OperationKind.Get), Op(OperationKind.Delete, new OperationOptions { Condition = "attribute_exists(pk)" }));
        var executor = SimulatedTarget.Create(plan, new ScriptedCapacityModel(), new VirtualClock(Start)).ExecutorOf("browse");

        var before = executor.Attempt(4, operation: 1);
        var deleted = executor.Attempt(4, operation: 0);
        var after = executor.Attempt(4, operation: 1);
        var again = executor.Attempt(4, operation: 2);

        Assert.Equal(1.5, before.ReadUnits); // 9 KB: three blocks, eventually consistent
        Assert.Equal(OutcomeKind.Ok, deleted.Kind);
        Assert.Equal(9, deleted.WriteUnits);
        Assert.Equal(OutcomeKind.Ok, after.Kind);
        Assert.Equal(0.5, after.ReadUnits);
        Assert.Equal(OutcomeKind.ConditionFailed, again.Kind);
        Assert.Equal("ConditionalCheckFailed", again.Reason);
        Assert.Equal(1, again.WriteUnits);
    }

    [Fact]
    public void An_update_of_a_version_charges_the_item_and_keeps_counting()
    {
        var table = Table();
        var dataSet = DataSet(size: ItemSizePlan.Target(1_500));
        var plan = Plan(table, dataSet, Op(OperationKind.Update), Op(OperationKind.Update, new OperationOptions { Condition = "attribute_not_exists(pk)" }));
        var model = new ScriptedCapacityModel();
        var executor = SimulatedTarget.Create(plan, model, new VirtualClock(Start)).ExecutorOf("browse");

        var first = executor.Attempt(2);
        var second = executor.Attempt(2);
        var failed = executor.Attempt(2, operation: 1);

        Assert.Equal(2, first.WriteUnits);
        Assert.Equal(2, second.WriteUnits);
        Assert.Equal(OutcomeKind.ConditionFailed, failed.Kind);
        Assert.Equal(2, failed.WriteUnits);
        Assert.Equal(2, model.Admitted.Count(a => a.Count > 0) - 1); // the failed one was admitted too
    }

    [Fact]
    public void A_query_of_an_index_partition_reads_pages_of_limit_items_priced_once_per_page()
    {
        var table = Table(byTier: true);
        var dataSet = DataSet(items: 300);
        var plan = Plan(table, dataSet, Op(OperationKind.Query, new OperationOptions { Index = "byTier", Limit = 7 }));
        var model = new ScriptedCapacityModel();
        var executor = SimulatedTarget.Create(plan, model, new VirtualClock(Start)).ExecutorOf("browse");
        var data = DataModels.For(dataSet);
        string tier = data.CreateItem(dataSet.Seed, executor.IndexOf(5), table)["tier"].S;
        var sizes = Enumerable.Range(0, 300)
            .Select(i => data.CreateItem(dataSet.Seed, i, table))
            .Where(item => item["tier"].S == tier)
            .Select(ItemSize.Of)
            .ToList();
        // Limit 7: a page per 7 items, and an empty last page when the count divides evenly (DynamoDB returns a LastEvaluatedKey at the limit).
        var pages = sizes.Chunk(7).Select(page => CostRules.Documented.Read(page.Sum(), ReadKind.Eventual)).ToList();
        if (sizes.Count % 7 == 0)
            pages.Add(0.5);

        var answer = executor.Attempt(5);

        Assert.Equal(OutcomeKind.Ok, answer.Kind);
        Assert.Equal(sizes.Count, answer.ItemsReturned);
        Assert.Equal(pages.Count, answer.Pages);
        Assert.Equal(pages.Sum(), answer.ReadUnits, 6);
        Assert.All(model.SettledCharges, c => Assert.Equal("byTier", c.Index));
    }

    [Fact]
    public void A_query_page_stops_at_one_megabyte()
    {
        var table = Table(byTier: true);
        var dataSet = DataSet(items: 400, size: ItemSizePlan.Target(100_000));
        var plan = Plan(table, dataSet, Op(OperationKind.Query, new OperationOptions { Index = "byTier" }), Op(OperationKind.Query, new OperationOptions { Index = "byTier", Pages = PageMode.First }));
        var executor = SimulatedTarget.Create(plan, new ScriptedCapacityModel(), new VirtualClock(Start)).ExecutorOf("browse");

        var all = executor.Attempt(1);
        var first = executor.Attempt(1, operation: 1);

        Assert.True(all.ItemsReturned > 11, "the partition holds more than one page of 100 KB items");
        Assert.Equal(11, first.ItemsReturned); // 11 × 100 KB passes 1 MB
        Assert.Equal(1, first.Pages);
        Assert.Equal((all.ItemsReturned + 10) / 11, all.Pages);
    }

    [Fact]
    public void Operations_simulate_does_not_carry_out_are_refused_naming_scenario_and_operation()
    {
        var plan = Plan(Table(), DataSet(), Op(OperationKind.Get), Op(OperationKind.Scan), Op(OperationKind.Put, new OperationOptions { Condition = "size(email) > :n", Values = new Dictionary<string, ExpressionValue> { [":n"] = ExpressionValue.Number("3") } }));

        var problems = SimulatedTarget.Problems(plan);
        var error = Assert.Throws<InvalidInputException>(() => SimulatedTarget.Create(plan, new ScriptedCapacityModel(), new VirtualClock(Start)));

        Assert.Equal(2, problems.Count);
        Assert.Equal((1, "Scenario 'browse', operation 'scan': simulate does not carry out scan yet; it supports get, put, update, delete, query."), (problems[0].Operation, problems[0].Message));
        Assert.Equal(2, problems[1].Operation);
        Assert.Contains("operation 'put': condition 'size(email) > :n' is not simulated", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains(problems[0].Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_the_tables_gives_the_model_the_local_runs_definition_and_the_seeded_bytes()
    {
        var table = Table(new CapacityPlan(CapacityMode.Provisioned, 10, 5) { WriteAutoScaling = new AutoScalingPlan(70, 5, 50) }, byTier: true);
        var dataSet = DataSet(items: 50);
        var model = new ScriptedCapacityModel();

        SimulatedTarget.Create(Plan(table, dataSet, Op(OperationKind.Get)), model, new VirtualClock(Start));

        var created = Assert.Single(model.Created);
        Assert.Equal(CapacityBillingMode.Provisioned, created.Mode);
        Assert.Equal((10, 5), (created.ReadUnits, created.WriteUnits));
        Assert.Equal(new AutoScalingPolicy(0.7, 5, 50), created.WriteScaling);
        Assert.Equal("byTier", Assert.Single(created.GlobalIndexes).IndexName);
        var data = DataModels.For(dataSet);
        long expected = Enumerable.Range(0, 50).Sum(i => ItemSize.Of(data.CreateItem(dataSet.Seed, i, table)) + 100);
        Assert.Equal([("Customers", expected)], model.StoredBytes);
    }

    private static string Json(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            AttributeValueJson.WriteItem(writer, item);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
