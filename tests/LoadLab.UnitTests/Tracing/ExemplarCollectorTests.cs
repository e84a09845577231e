using LoadLab.Core.Outcomes;
using LoadLab.Tracing.Exemplars;
using LoadLab.Tracing.Ids;

namespace LoadLab.UnitTests.Tracing;

public sealed class ExemplarCollectorTests
{
    [Fact]
    public void Keeps_the_slowest_per_kind_and_operation_slowest_first()
    {
        var collector = new ExemplarCollector("us-east-1", perKind: 2);
        collector.Offer("browse", "get", Id("1-00000001-000000000000000000000001"), 5, OperationOutcome.Ok);
        collector.Offer("browse", "get", Id("1-00000001-000000000000000000000002"), 50, new OperationOutcome(OutcomeKind.Throttled, 3, 3, Reason: "KeyRangeThroughputExceeded"));
        collector.Offer("browse", "get", Id("1-00000001-000000000000000000000003"), 20, new OperationOutcome(OutcomeKind.ServerError, Reason: "InternalServerError"));
        collector.Offer("browse", "get", Id("1-00000001-000000000000000000000004"), 30, new OperationOutcome(OutcomeKind.Ok, 2, 1));
        collector.Offer("browse", "put", Id("1-00000001-000000000000000000000005"), 1, OperationOutcome.Ok);

        var get = collector.For("browse", "get");

        Assert.Equal(["1-00000001-000000000000000000000002", "1-00000001-000000000000000000000004"], get.Where(e => e.Kind == "slowest").Select(e => e.TraceId));
        Assert.Equal(["1-00000001-000000000000000000000002", "1-00000001-000000000000000000000004"], get.Where(e => e.Kind == "throttled").Select(e => e.TraceId));
        var failed = Assert.Single(get, e => e.Kind == "failed");
        Assert.Equal("serverError", failed.Outcome);
        Assert.Equal("InternalServerError", failed.Reason);
        Assert.Single(collector.For("browse", "put"));
        Assert.Empty(collector.For("other", "get"));
    }

    private static XRayTraceId Id(string text) => XRayTraceId.TryParse(text, out var id) ? id : throw new ArgumentException(text);

    [Theory]
    [InlineData("eu-west-1", "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/1-5f3a1b2c-0123456789abcdef01234567")]
    [InlineData("cn-north-1", "https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#xray:traces/1-5f3a1b2c-0123456789abcdef01234567")]
    [InlineData("us-gov-west-1", "https://us-gov-west-1.console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#xray:traces/1-5f3a1b2c-0123456789abcdef01234567")]
    public void Console_links_point_at_the_trace_in_the_region(string region, string url)
    {
        Assert.Equal(url, ConsoleUrls.ForTrace(region, "1-5f3a1b2c-0123456789abcdef01234567"));
    }
}
