using LoadLab.Runner.Suites.Profiles;

namespace LoadLab.UnitTests.Runner.Suites.Profiles;

/// <summary>The CSV traffic format: header, seconds or ISO 8601 times, and every problem with its line and column.</summary>
public class TrafficCsvTests
{
    private static (List<RawPoint> Points, TrafficFileErrors Errors) Read(string text)
    {
        var errors = new TrafficFileErrors();
        return (TrafficCsv.Read(text, errors), errors);
    }

    private static void AssertOnlyError(string text, int line, int column, params string[] fragments)
    {
        var (_, errors) = Read(text);
        var error = Assert.Single(errors.Shown);
        Assert.True((line, column) == (error.Line, error.Column), $"expected {line}:{column}, got {error.Line}:{error.Column}: {error.Message}");
        foreach (var fragment in fragments)
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seconds_and_rates_are_read_with_comments_blank_lines_quotes_and_crlf()
    {
        var (points, errors) = Read("# a test curve\r\ntime,rate\r\n\r\n0,10\r\n\"30\", 12.5\r\n  90 ,0\r\n1.2e2,1e3\r\n");

        Assert.False(errors.Any);
        Assert.Equal([0, 30, 90, 120], points.Select(p => p.Seconds));
        Assert.Equal([10, 12.5, 0, 1000], points.Select(p => p.Rate));
        Assert.Equal([4, 5, 6, 7], points.Select(p => p.TimeAt.Line));
        Assert.Equal(new TrafficPosition(6, 3), points[2].TimeAt);
        Assert.Equal(new TrafficPosition(6, 7), points[2].RateAt);
    }

    [Fact]
    public void Iso_timestamps_are_relative_to_the_first_and_offsets_count()
    {
        var (points, errors) = Read("""
            Time,Rate
            2024-05-01T12:00:00Z,100
            2024-05-01T12:01:30Z,200
            2024-05-01 14:05:00+02:00,50
            2024-05-01T12:10:00.500,10
            """);

        Assert.False(errors.Any);
        Assert.Equal([0, 90, 300, 600.5], points.Select(p => p.Seconds));
    }

    [Fact]
    public void Wrong_header_says_what_is_expected()
    {
        AssertOnlyError("seconds,ops\n0,1\n1,1\n", 1, 1, "the header must be 'time,rate'", "found 'seconds,ops'");
        AssertOnlyError("0,1\n1,1\n", 1, 1, "the header must be 'time,rate'");
    }

    [Fact]
    public void Non_numeric_and_negative_rates_are_positioned_at_the_rate()
    {
        AssertOnlyError("time,rate\n0,10\n30,ten\n", 3, 4, "rate 'ten' is not a number");
        AssertOnlyError("time,rate\n0,10\n30, -3\n", 3, 5, "rate -3 is negative", "0 or more");
        AssertOnlyError("time,rate\n0,10\n30,NaN\n", 3, 4, "rate 'NaN' is not a number");
    }

    [Fact]
    public void Times_must_increase_and_start_at_zero()
    {
        AssertOnlyError("time,rate\n0,10\n30,10\n30,20\n", 4, 1, "time 30 is not after the previous point's (line 3)", "increase");
        AssertOnlyError("time,rate\n0,10\n30,10\n20,20\n", 4, 1, "time 20 is not after");
        AssertOnlyError("time,rate\n5,10\n30,10\n", 2, 1, "the first time must be 0", "pause phase");
        AssertOnlyError("time,rate\n2024-05-01T12:00:00Z,1\n2024-05-01T11:00:00Z,1\n", 3, 1, "is not after");
    }

    [Fact]
    public void Bad_times_and_mixed_formats_are_named()
    {
        AssertOnlyError("time,rate\n0,10\n05/01/2024,10\n", 3, 1, "neither seconds", "ISO 8601", "2024-05-01T12:00:00Z");
        AssertOnlyError("time,rate\n0,10\n2024-05-01T12:00:00Z,10\n", 3, 1, "mixed time formats: line 2 gives seconds, this line an ISO 8601 timestamp");
    }

    [Fact]
    public void Wrong_number_of_values_points_at_the_extra_one()
    {
        AssertOnlyError("time,rate\n0,10\n30,10,5\n", 3, 7, "expected 2 values", "found 3");
        AssertOnlyError("time,rate\n0,10\n30\n", 3, 1, "expected 2 values", "found 1");
    }

    [Fact]
    public void Every_bad_line_is_reported_but_only_the_first_ten_are_shown()
    {
        var text = "time,rate\n0,1\n" + string.Concat(Enumerable.Range(1, 25).Select(i => $"{i},x\n"));
        var (_, errors) = Read(text);

        Assert.Equal(25, errors.Count);
        Assert.Equal(TrafficFileErrors.MaxShown, errors.Shown.Count);
        Assert.Equal(3, errors.Shown[0].Line);
    }

    [Fact]
    public void More_points_than_the_bound_stops_with_the_line_and_the_limit()
    {
        var text = "time,rate\n" + string.Concat(Enumerable.Range(0, TrafficLimits.MaxPoints + 5).Select(i => $"{i},1\n"));
        var (points, errors) = Read(text);

        var error = Assert.Single(errors.Shown);
        Assert.Equal(TrafficLimits.MaxPoints + 2, error.Line);
        Assert.Contains("more than 100,000 points", error.Message, StringComparison.Ordinal);
        Assert.Equal(TrafficLimits.MaxPoints, points.Count);
    }

    [Fact]
    public void Only_a_header_or_nothing_leaves_too_few_points_or_an_empty_file()
    {
        var (points, errors) = Read("time,rate\n");
        Assert.Empty(points);
        Assert.False(errors.Any);

        var (_, empty) = Read("# nothing here\n\n");
        Assert.Contains("is empty", Assert.Single(empty.Shown).Message, StringComparison.Ordinal);
    }
}
