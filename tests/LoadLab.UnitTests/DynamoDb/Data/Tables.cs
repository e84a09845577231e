using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

/// <summary>Table plans the data tests share.</summary>
internal static class Tables
{
    public static readonly TablePlan Composite = new()
    {
        Id = "items",
        Name = "Items",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
    };

    public static readonly TablePlan PartitionOnly = Composite with { SortKey = null };

    public static DataSetPlan Data(string model, long items = 10_000, long seed = 42) =>
        new() { TableId = "items", Model = model, Items = items, Seed = seed };
}
