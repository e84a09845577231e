using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.AutoScaling;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>The decrease quota: 4 in the first UTC hour, then one per hour after an hour without one, 27 a day.</summary>
public sealed class DecreaseRuleTests
{
    private static readonly CapacitySettings Settings = new();

    [Fact]
    public void Four_decreases_are_allowed_in_the_first_hour_and_not_a_fifth()
    {
        var decreases = new List<double> { 600, 1200, 1800 };
        Assert.True(DecreaseRule.Allowed(Settings, decreases, 2400));
        decreases.Add(2400);
        Assert.False(DecreaseRule.Allowed(Settings, decreases, 3000));
        // The next one is due an hour after the last.
        Assert.Equal(2400 + 3600, DecreaseRule.NextAllowed(Settings, decreases, 3000));
    }

    [Fact]
    public void After_the_first_hour_one_decrease_per_hour_without_one()
    {
        var decreases = new List<double> { 5 * 3600 };
        Assert.False(DecreaseRule.Allowed(Settings, decreases, (5 * 3600) + 1800));
        Assert.True(DecreaseRule.Allowed(Settings, decreases, 6 * 3600));
    }

    [Fact]
    public void At_most_27_a_day_and_the_budget_resets_at_midnight_utc()
    {
        var decreases = new List<double>();
        for (var i = 0; i < 4; i++)
            decreases.Add(i * 60);
        for (var hour = 1; hour <= 23; hour++)
            decreases.Add(hour * 3600.0);
        Assert.Equal(27, decreases.Count);
        Assert.False(DecreaseRule.Allowed(Settings, decreases, (23 * 3600) + 3599));
        Assert.Equal(86_400, DecreaseRule.NextAllowed(Settings, decreases, 23 * 3600 + 1));
        Assert.True(DecreaseRule.Allowed(Settings, decreases, 86_400 + 10));
    }

    [Fact]
    public void The_first_hour_limit_is_a_parameter()
    {
        var settings = Settings with { DecreasesInFirstHour = 1 };
        Assert.False(DecreaseRule.Allowed(settings, [100], 200));
    }
}
