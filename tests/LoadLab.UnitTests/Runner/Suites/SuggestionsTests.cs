using LoadLab.Core.Text;
using LoadLab.Runner.Suites;

namespace LoadLab.UnitTests.Runner.Suites;

public class SuggestionsTests
{
    [Theory]
    [InlineData("maxInFligt", "maxInFlight")]
    [InlineData("MAXINFLIGHT", "maxInFlight")]
    [InlineData("thinktime", "thinkTime")]
    [InlineData("lod", "load")]
    public void Suggests_a_close_key(string typed, string expected) =>
        Assert.Equal(expected, NameSuggestions.Closest(typed, SuiteKeys.Scenario));

    [Theory]
    [InlineData("budgets")]
    [InlineData("x")]
    public void Suggests_nothing_for_unrelated_words(string typed) =>
        Assert.Null(NameSuggestions.Closest(typed, SuiteKeys.Scenario));
}
