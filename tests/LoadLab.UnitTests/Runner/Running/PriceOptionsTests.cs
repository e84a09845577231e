using LoadLab.Runner.Running;
using LoadLab.Core.Cost;

namespace LoadLab.UnitTests.Runner.Running;

public class PriceOptionsTests
{
    [Fact]
    public void Named_prices_replace_the_defaults_and_leave_the_others()
    {
        var errors = new List<string>();

        var prices = PriceOptions.Apply(CostPrices.Default, PriceOptions.Parse("onDemandWrite=1.25, provisionedRead=0.0002", errors));

        Assert.Empty(errors);
        Assert.Equal(CostPrices.Default with { OnDemandWritePerMillion = 1.25, ProvisionedReadPerUnitHour = 0.0002 }, prices);
    }

    [Fact]
    public void Unknown_names_and_bad_values_are_reported_with_what_is_allowed()
    {
        var errors = new List<string>();

        PriceOptions.Parse("onDemandWrit=1,provisionedWrite=-1,targetUtilization=1.5", errors);

        Assert.Equal(3, errors.Count);
        Assert.Contains("Did you mean 'onDemandWrite'?", errors[0], StringComparison.Ordinal);
        Assert.Contains("at least 0", errors[1], StringComparison.Ordinal);
        Assert.Contains("at most 1", errors[2], StringComparison.Ordinal);
    }
}
