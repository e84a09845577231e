using System.Diagnostics;
using System.Text.RegularExpressions;
using LoadLab.Tracing.Ids;

namespace LoadLab.UnitTests.Tracing;

public sealed class XRayIdTests
{
    [Fact]
    public void Trace_ids_are_version_1_with_the_epoch_second_and_96_random_bits()
    {
        var now = DateTimeOffset.UtcNow;
        var id = XRayTraceId.New(now);
        string text = id.ToString();

        Assert.Equal(35, text.Length);
        Assert.Matches("^1-[0-9a-f]{8}-[0-9a-f]{24}$", text);
        long epoch = Convert.ToInt64(text[2..10], 16);
        Assert.InRange(epoch, now.ToUnixTimeSeconds() - 5, now.ToUnixTimeSeconds() + 5);
        Assert.NotEqual(text, XRayTraceId.New(now).ToString());
    }

    [Fact]
    public void A_trace_id_is_the_same_id_as_a_W3C_activity_trace_id()
    {
        var id = XRayTraceId.New(DateTimeOffset.UtcNow);
        var activityId = id.ToActivityTraceId();

        Assert.Equal(id.ToString()[2..10] + id.ToString()[11..], activityId.ToHexString());
        Assert.Equal(id, XRayTraceId.FromActivityTraceId(activityId));
        Assert.True(XRayTraceId.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
        Assert.False(XRayTraceId.TryParse("1-123-abc", out _));
        Assert.False(XRayTraceId.TryParse("2-5f3a1b2c-0123456789abcdef01234567", out _));
    }

    [Fact]
    public void Segment_ids_are_16_hex_digits_and_never_zero()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => SegmentIds.New()).ToArray();

        Assert.DoesNotContain(0UL, ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{16}$", SegmentIds.ToHex(id)));
        Assert.Equal(ActivitySpanId.CreateFromString(SegmentIds.ToHex(ids[0])).ToHexString(), SegmentIds.ToHex(ids[0]));
    }

    [Fact]
    public void The_trace_header_names_root_parent_and_the_sampling_decision()
    {
        var id = XRayTraceId.New(DateTimeOffset.UtcNow);

        string header = TraceHeader.Sampled(id, 0x53995c3f42cd8ad8);

        Assert.Equal($"Root={id};Parent=53995c3f42cd8ad8;Sampled=1", header);
        Assert.Matches(new Regex("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$"), header);
    }
}
