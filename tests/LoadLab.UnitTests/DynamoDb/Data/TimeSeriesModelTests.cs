using System.Globalization;
using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

public sealed class TimeSeriesModelTests
{
    [Theory]
    [InlineData("session-event")]
    [InlineData("iot-reading")]
    public void Timestamps_increase_strictly_with_the_index(string name)
    {
        var model = DataModels.For(Tables.Data(name));

        var times = Enumerable.Range(0, 2000).Select(i => Time(model.CreateItem(42, i, Tables.Composite)["timestamp"].S)).ToList();

        for (int i = 1; i < times.Count; i++)
            Assert.True(times[i] > times[i - 1], $"{name} {i}: {times[i]:O} is not after {times[i - 1]:O}");
    }

    [Fact]
    public void Sessions_have_several_events_of_one_user()
    {
        var model = DataModels.For(Tables.Data("session-event"));
        var events = Enumerable.Range(0, 4000).Select(i => model.CreateItem(42, i, Tables.Composite)).ToList();
        var sessions = events.GroupBy(e => e["sessionId"].S).ToList();

        Assert.InRange(events.Count / (double)sessions.Count, 3.5, 4.6);
        Assert.All(sessions, s => Assert.Single(s.Select(e => e["userId"].N).Distinct()));
        Assert.Equal("page_view", events.GroupBy(e => e["eventType"].S).MaxBy(g => g.Count())!.Key);
        Assert.All(events, e => Assert.StartsWith("/", e["page"].S, StringComparison.Ordinal));
    }

    [Fact]
    public void Devices_report_in_turn_with_plausible_readings()
    {
        var model = DataModels.For(Tables.Data("iot-reading"));

        var first = model.CreateItem(42, 5, Tables.Composite);
        var next = model.CreateItem(42, 1005, Tables.Composite);

        Assert.Equal("device-00005", first["deviceId"].S);
        Assert.Equal(first["deviceId"].S, next["deviceId"].S);
        Assert.InRange((Time(next["timestamp"].S) - Time(first["timestamp"].S)).TotalSeconds, 59, 61);
        for (int i = 0; i < 500; i++)
        {
            var reading = model.CreateItem(42, i, Tables.Composite);
            Assert.InRange(Number(reading["temperature"].N), 5, 40);
            Assert.InRange(Number(reading["humidity"].N), 0, 100);
            Assert.InRange(Number(reading["battery"].N), 5, 100);
        }
    }

    private static DateTime Time(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
