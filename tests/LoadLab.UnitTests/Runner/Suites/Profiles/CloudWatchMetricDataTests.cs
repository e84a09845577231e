using System.Text;
using LoadLab.Runner.Suites.Profiles;

namespace LoadLab.UnitTests.Runner.Suites.Profiles;

/// <summary>
/// The JSON <c>aws cloudwatch get-metric-data</c> writes: newest first, per-period sums with 'period:', one series
/// (or the one 'series:' names), and errors with the JSON file's line and column.
/// </summary>
public class CloudWatchMetricDataTests
{
    // As the CLI writes it: newest first (TimestampDescending is GetMetricData's default), ISO 8601 with an offset.
    private const string TwoSeries = """
        {
            "MetricDataResults": [
                {
                    "Id": "writes",
                    "Label": "ConsumedWriteCapacityUnits",
                    "Timestamps": [
                        "2024-05-01T12:03:00+00:00",
                        "2024-05-01T12:02:00+00:00",
                        "2024-05-01T12:01:00+00:00",
                        "2024-05-01T12:00:00+00:00"
                    ],
                    "Values": [
                        600.0,
                        1200.0,
                        3000.0,
                        6000.0
                    ],
                    "StatusCode": "Complete"
                },
                {
                    "Id": "reads",
                    "Label": "ConsumedReadCapacityUnits",
                    "Timestamps": ["2024-05-01T12:01:00+00:00", "2024-05-01T12:00:00+00:00"],
                    "Values": [60, 120],
                    "StatusCode": "Complete"
                }
            ],
            "Messages": []
        }
        """;

    private static (List<RawPoint> Points, TrafficFileErrors Errors) Read(string json, string? series = null, TimeSpan? period = null)
    {
        var errors = new TrafficFileErrors();
        return (CloudWatchMetricData.Read(Encoding.UTF8.GetBytes(json), series, period, errors), errors);
    }

    private static TrafficFileError OnlyError(string json, string? series = null, TimeSpan? period = null)
    {
        var (_, errors) = Read(json, series, period);
        return Assert.Single(errors.Shown);
    }

    [Fact]
    public void Newest_first_points_are_put_in_time_order_and_per_period_sums_become_rates()
    {
        var (points, errors) = Read(TwoSeries, series: "writes", period: TimeSpan.FromMinutes(1));

        Assert.False(errors.Any);
        Assert.Equal([0, 60, 120, 180], points.Select(p => p.Seconds));
        // 6,000 units in the first minute is 100 per second.
        Assert.Equal([100, 50, 20, 10], points.Select(p => p.Rate));
        // The oldest point was written last: line 10 of the file holds its timestamp, line 16 its value.
        Assert.Equal(new TrafficPosition(10, 17), points[0].TimeAt);
        Assert.Equal(new TrafficPosition(16, 17), points[0].RateAt);
    }

    [Fact]
    public void Without_a_period_the_values_are_rates_already()
    {
        var (points, errors) = Read(TwoSeries, series: "reads");

        Assert.False(errors.Any);
        Assert.Equal([120, 60], points.Select(p => p.Rate));
    }

    [Fact]
    public void One_series_needs_no_choice_and_a_series_split_over_pages_is_joined()
    {
        var (points, errors) = Read("""
            {"MetricDataResults": [
              {"Id": "m1", "Timestamps": ["2024-05-01T12:02:00Z", "2024-05-01T12:01:00Z"], "Values": [3, 2]},
              {"Id": "m1", "Timestamps": ["2024-05-01T12:00:00Z"], "Values": [1]}
            ]}
            """);

        Assert.False(errors.Any);
        Assert.Equal([0, 60, 120], points.Select(p => p.Seconds));
        Assert.Equal([1, 2, 3], points.Select(p => p.Rate));
    }

    [Fact]
    public void Epoch_second_timestamps_are_read_too()
    {
        var (points, errors) = Read("""{"MetricDataResults": [{"Id": "m1", "Timestamps": [1714564860, 1714564800], "Values": [2, 1]}]}""");

        Assert.False(errors.Any);
        Assert.Equal([0, 60], points.Select(p => p.Seconds));
    }

    [Fact]
    public void Several_series_without_a_choice_list_their_ids()
    {
        var error = OnlyError(TwoSeries);

        Assert.Equal((20, 9), (error.Line, error.Column));
        Assert.Contains("has 2 series ('writes', 'reads')", error.Message, StringComparison.Ordinal);
        Assert.Contains("add 'series: ID'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_series_lists_the_ones_there_are()
    {
        var error = OnlyError(TwoSeries, series: "rites");

        Assert.Contains("has no series 'rites'; its series: 'writes', 'reads'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_series_says_the_query_returned_nothing()
    {
        var error = OnlyError("""{"MetricDataResults": [], "Messages": []}""");

        Assert.Contains("has no series in MetricDataResults", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_of_another_shape_or_broken_json_is_positioned()
    {
        Assert.Contains("has no 'MetricDataResults'", OnlyError("""{"Datapoints": []}""").Message, StringComparison.Ordinal);
        var broken = OnlyError("{\n  \"MetricDataResults\": [\n    {\"Id\": \"m1\",, }\n  ]\n}");
        Assert.Equal(3, broken.Line);
        Assert.Contains("is not valid JSON", broken.Message, StringComparison.Ordinal);
        var list = OnlyError("[1, 2]");
        Assert.Equal((1, 1), (list.Line, list.Column));
    }

    [Fact]
    public void Negative_and_non_numeric_values_and_bad_timestamps_are_positioned()
    {
        var json = """
            {"MetricDataResults": [{"Id": "m1",
              "Timestamps": ["2024-05-01T12:01:00Z", "yesterday"],
              "Values": [-4, 5]}]}
            """;
        var (_, errors) = Read(json);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors.Shown, e => (e.Line, e.Column) == (2, 42) && e.Message.Contains("'yesterday' is neither ISO 8601", StringComparison.Ordinal));
        Assert.Contains(errors.Shown, e => (e.Line, e.Column) == (3, 14) && e.Message.Contains("value -4 is negative", StringComparison.Ordinal));
        // A value of the wrong type is a problem of the file's shape, reported on its own.
        var text = OnlyError("""{"MetricDataResults": [{"Id": "m1", "Timestamps": ["2024-05-01T12:00:00Z"], "Values": ["5"]}]}""");
        Assert.Equal((1, 88), (text.Line, text.Column));
        Assert.Contains("must be a number", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unequal_lists_and_repeated_timestamps_are_refused()
    {
        Assert.Contains("has 2 Timestamps but 1 Values", OnlyError("""{"MetricDataResults": [{"Id": "m1", "Timestamps": ["2024-05-01T12:01:00Z", "2024-05-01T12:00:00Z"], "Values": [1]}]}""").Message, StringComparison.Ordinal);
        var twice = OnlyError("""{"MetricDataResults": [{"Id": "m1", "Timestamps": ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00+00:00"], "Values": [1, 2]}]}""");
        Assert.Contains("appears twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_longer_than_the_spacing_of_the_points_is_refused()
    {
        var error = OnlyError(TwoSeries, series: "writes", period: TimeSpan.FromMinutes(5));

        Assert.Contains("points 60 s apart, closer than period 5m", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }
}
