using LoadLab.Core.Text;

namespace LoadLab.UnitTests.Core.Text;

public class DurationTextTests
{
    [Theory]
    [InlineData("500ms", 0, 0, 0, 500)]
    [InlineData("30s", 0, 0, 30, 0)]
    [InlineData("2m", 0, 2, 0, 0)]
    [InlineData("1h", 1, 0, 0, 0)]
    [InlineData("1m30s", 0, 1, 30, 0)]
    [InlineData("1.5s", 0, 0, 1, 500)]
    [InlineData("1h2m3s4ms", 1, 2, 3, 4)]
    [InlineData("0s", 0, 0, 0, 0)]
    public void Parses_numbers_with_units(string text, int hours, int minutes, int seconds, int milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(new TimeSpan(0, hours, minutes, seconds, milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]          // no unit
    [InlineData("1x")]
    [InlineData("30s1m")]       // largest unit first
    [InlineData("1m1m")]        // each unit once
    [InlineData("-5s")]
    [InlineData(".5s")]
    [InlineData("5.s")]
    [InlineData("1,5s")]        // invariant culture: '.' is the only decimal separator
    [InlineData("99999999999999999999h")]
    public void Rejects_anything_else(string text) =>
        Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData("30m")]
    [InlineData("1m30s")]
    [InlineData("500ms")]
    [InlineData("1h2m3.004s")]
    [InlineData("0s")]
    public void Format_gives_the_shortest_text_that_parses_back(string text)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(text, DurationText.Format(duration));
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(66_700, "1m6.7s")]
    [InlineData(0.4, "0s")]
    public void Reports_show_durations_in_the_suite_grammar_rounded_to_the_millisecond(double milliseconds, string text)
    {
        string shown = LoadLab.Core.Plans.Formatting.Duration(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(text, shown);
        Assert.True(DurationText.TryParse(shown, out _));
    }
}
