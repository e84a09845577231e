using LoadLab.Cli.Suites;

namespace LoadLab.UnitTests.Cli.Suites;

public class SuggestionsTests
{
    [Theory]
    [InlineData("maxInFligt", "maxInFlight")]
    [InlineData("MAXINFLIGHT", "maxInFlight")]
    [InlineData("thinktime", "thinkTime")]
    [InlineData("lod", "load")]
    public void Suggests_a_close_key(string typed, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typed, SuiteKeys.Scenario));

    [Theory]
    [InlineData("budgets")]
    [InlineData("x")]
    public void Suggests_nothing_for_unrelated_words(string typed) =>
        Assert.Null(Suggestions.Closest(typed, SuiteKeys.Scenario));
}
