using LoadLab.Tracing.Exporters;

namespace LoadLab.UnitTests.Tracing;

public sealed class DaemonAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:2000", "127.0.0.1", 2000)]
    [InlineData("xray-daemon:2001", "xray-daemon", 2001)]
    [InlineData("tcp:127.0.0.1:2000 udp:10.0.0.5:2002", "10.0.0.5", 2002)]
    [InlineData("udp:daemon.local:3000 tcp:daemon.local:3001", "daemon.local", 3000)]
    [InlineData("[::1]:2000", "::1", 2000)]
    public void Parses_the_forms_the_XRay_SDKs_accept(string text, string host, int port)
    {
        Assert.True(DaemonAddress.TryParse(text, out var address, out string error), error);
        Assert.Equal(new DaemonAddress(host, port), address);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("localhost", "no port")]
    [InlineData("localhost:http", "port")]
    [InlineData("localhost:70000", "port")]
    [InlineData("tcp:127.0.0.1:2000", "neither")]
    [InlineData("::1:2000", "brackets")]
    [InlineData("udp:a:1 udp:b:2 tcp:c:3", "neither")]
    public void Rejects_anything_else_and_says_why(string text, string reason)
    {
        Assert.False(DaemonAddress.TryParse(text, out _, out string error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Describes_itself_as_a_udp_url()
    {
        Assert.Equal("udp://127.0.0.1:2000", DaemonAddress.Default.ToString());
        Assert.Equal("udp://[::1]:2000", new DaemonAddress("::1", 2000).ToString());
    }
}
