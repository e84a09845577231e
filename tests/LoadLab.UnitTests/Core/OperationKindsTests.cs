using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Core;

/// <summary>One vocabulary of operations: names round-trip, and the read/transaction rules hold for each kind.</summary>
public sealed class OperationKindsTests
{
    [Fact]
    public void Every_kind_has_a_name_that_parses_back()
    {
        foreach (var kind in Enum.GetValues<OperationKind>())
            Assert.Equal(kind, OperationKinds.Parse(OperationKinds.Name(kind)));
        Assert.Equal(["get", "put", "update", "delete", "query", "scan", "batchGet", "batchWrite", "transactGet", "transactWrite", "statement"], OperationKinds.Names);
    }

    [Theory]
    [InlineData("Get")]
    [InlineData("batchwrite")]
    [InlineData("")]
    public void Names_are_exact(string name)
    {
        Assert.False(OperationKinds.TryParse(name, out _));
        Assert.Contains("Allowed: get, put", Assert.Throws<ArgumentException>(() => OperationKinds.Parse(name)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_transactions_and_batch_sizes_follow_the_kind()
    {
        Assert.Equal([OperationKind.Get, OperationKind.Query, OperationKind.Scan, OperationKind.BatchGet, OperationKind.TransactGet], Enum.GetValues<OperationKind>().Where(OperationKinds.IsRead));
        Assert.Equal([OperationKind.TransactGet, OperationKind.TransactWrite], Enum.GetValues<OperationKind>().Where(OperationKinds.IsTransaction));
        Assert.Equal(25, OperationKinds.MaxBatchSize(OperationKind.BatchWrite));
        Assert.Equal(100, OperationKinds.MaxBatchSize(OperationKind.BatchGet));
    }
}
