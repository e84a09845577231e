using System.Text.Json;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>
/// Overlapping work on one item, made deterministic: the first request is held inside the fake emulator
/// while the second arrives, as two in-flight requests would overlap in DynamoDB.
/// </summary>
public sealed class TransactionConflictTests
{
    private static string Write(string action, string pk) => action switch
    {
        "Put" => "{\"Put\":{\"TableName\":\"Orders\",\"Item\":" + Items.Item(pk, "1") + "}}",
        _ => "{\"" + action + "\":{\"TableName\":\"Orders\",\"Key\":" + Items.Key(pk, "1") + "}}",
    };

    private static string Transaction(params string[] actions) => "{\"TransactItems\":[" + string.Join(",", actions) + "]}";

    [Fact]
    public async Task A_transaction_overlapping_another_on_one_item_is_cancelled_with_TransactionConflict_there_and_None_elsewhere()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        using var hold = new Hold(harness, "GetItem");

        var first = Task.Run(() => harness.SendAsync("TransactWriteItems", Transaction(Write("Put", "a"), Write("Put", "b"))));
        hold.WaitUntilHeld();
        var second = await harness.SendAsync("TransactWriteItems", Transaction(Write("Put", "c"), Write("Delete", "b")));
        hold.Release();
        var committed = await first;

        Assert.EndsWith("#TransactionCanceledException", second.Type);
        Assert.Equal(["None", "TransactionConflict"], Codes(second.Json));
        Assert.Equal(200, committed.Status);
        Assert.Equal(2, harness.Upstream.Operations.Count(o => o == "PutItem"));
        Assert.DoesNotContain("DeleteItem", harness.Upstream.Operations);
    }

    [Fact]
    public async Task A_single_write_to_an_item_a_transaction_holds_is_TransactionConflictException()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        using var hold = new Hold(harness, "GetItem");

        var transaction = Task.Run(() => harness.SendAsync("TransactWriteItems", Transaction(Write("Put", "a"))));
        hold.WaitUntilHeld();
        var put = await harness.SendAsync("PutItem", Items.Put(Items.Item("a", "1")));
        var elsewhere = Task.Run(() => harness.SendAsync("PutItem", Items.Put(Items.Item("z", "1"))));
        hold.Release();
        await transaction;

        Assert.EndsWith("#TransactionConflictException", put.Type);
        Assert.Equal(200, (await elsewhere).Status);
    }

    [Fact]
    public async Task A_TransactGetItems_overlapping_a_write_transaction_is_cancelled_and_one_overlapping_a_single_write_too()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        using (var hold = new Hold(harness, "GetItem"))
        {
            var transaction = Task.Run(() => harness.SendAsync("TransactWriteItems", Transaction(Write("Put", "a"))));
            hold.WaitUntilHeld();
            var get = await harness.SendAsync("TransactGetItems", Transaction("{\"Get\":{\"TableName\":\"Orders\",\"Key\":" + Items.Key("a", "1") + "}}"));
            hold.Release();
            await transaction;
            Assert.Equal(["TransactionConflict"], Codes(get.Json));
        }

        using (var hold = new Hold(harness, "PutItem"))
        {
            var put = Task.Run(() => harness.SendAsync("PutItem", Items.Put(Items.Item("b", "1"))));
            hold.WaitUntilHeld();
            var write = await harness.SendAsync("TransactWriteItems", Transaction(Write("Delete", "b")));
            hold.Release();
            Assert.Equal(200, (await put).Status);
            Assert.Equal(["TransactionConflict"], Codes(write.Json));
        }
    }

    [Fact]
    public async Task Once_the_first_transaction_ended_the_item_is_free_again()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        var first = await harness.SendAsync("TransactWriteItems", Transaction(Write("Put", "a")));
        var second = await harness.SendAsync("TransactWriteItems", Transaction(Write("Delete", "a")));

        Assert.Equal((200, 200), (first.Status, second.Status));
    }

    private static List<string?> Codes(JsonElement error) =>
        [.. error.GetProperty("CancellationReasons").EnumerateArray().Select(r => r.GetProperty("Code").GetString())];

    /// <summary>Holds the first call of one operation inside the fake emulator until released.</summary>
    private sealed class Hold : IDisposable
    {
        private readonly ManualResetEventSlim held = new();
        private readonly ManualResetEventSlim released = new();
        private int taken;

        public Hold(ProxyHarness harness, string operation)
        {
            var previous = harness.Upstream.Answer;
            harness.Upstream.Answer = (op, body) =>
            {
                if (op == operation && Interlocked.Exchange(ref taken, 1) == 0)
                {
                    held.Set();
                    released.Wait(TimeSpan.FromMinutes(1));
                }

                return previous(op, body);
            };
        }

        public void WaitUntilHeld() => Assert.True(held.Wait(TimeSpan.FromMinutes(1)), "the first request never reached the emulator");

        public void Release() => released.Set();

        public void Dispose()
        {
            released.Set();
            held.Dispose();
            released.Dispose();
        }
    }
}
