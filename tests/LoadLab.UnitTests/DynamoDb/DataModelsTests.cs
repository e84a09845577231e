using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class DataModelsTests
{
    [Fact]
    public void Customer_is_registered()
    {
        Assert.Equal(["customer", "order", "product", "session-event", "iot-reading"], DataModels.Names);
        Assert.Same(CustomerModel.Instance, DataModels.Get("customer"));
        Assert.True(DataModels.TryGet("customer", out var model));
        Assert.Equal("customer", model.Name);
    }

    [Fact]
    public void Unknown_name_lists_the_allowed_names()
    {
        var ex = Assert.Throws<ArgumentException>(() => DataModels.Get("invoice"));

        Assert.Contains("'invoice'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed: customer, order", ex.Message, StringComparison.Ordinal);
        Assert.False(DataModels.TryGet("Customer", out _));
    }
}
