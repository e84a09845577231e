using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Capacity;

namespace LoadLab.IntegrationTests.LocalTarget;

/// <summary>
/// dynalite also serves on a Unix domain socket, and the simulator reaches it there: its upstream URL then only names
/// the target, the bytes go through the socket file. The file goes away with dynalite.
/// </summary>
public sealed class UnixSocketTests
{
    [Fact]
    public async Task The_simulator_reaches_dynalite_through_its_socket_file_and_the_file_is_removed_on_stop()
    {
        string? path = UnixSocketFile.NewPath();
        // Every platform but Windows gets a socket (Windows' node serves named pipes instead); there TCP is all there is to test.
        Assert.Equal(OperatingSystem.IsWindows(), path is null);
        if (path is null)
            return;
        var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = TimeSpan.FromMinutes(2), SocketPath = path });
        try
        {
            Assert.Equal(path, local.SocketPath);
            Assert.True(File.Exists(path));
            // Nothing listens on port 1: only the socket can carry these requests.
            var options = new CapacityProxyOptions { Upstream = new Uri("http://127.0.0.1:1"), UpstreamSocket = local.SocketPath };
            await using var bed = await ProxyTestBed.StartAsync(options, new ScriptedCapacityModel());
            string table = await bed.CreateTableAsync();
            await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 100) });
            var got = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("a", "1"), ConsistentRead = true });
            Assert.Equal("a", got.Item["pk"].S);
        }
        finally
        {
            await local.DisposeAsync();
        }

        Assert.False(File.Exists(path));
    }
}
