using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Capacity;
using LoadLab.IntegrationTests.Capacity.Survival;

namespace LoadLab.IntegrationTests.LocalTarget;

/// <summary>
/// dynalite is watched while it runs. Each test kills its own dynalite the way the issue saw it die — the
/// fatal PutItem sent straight to it, past the simulator's guard — and checks what LoadLab makes of it.
/// </summary>
public sealed class SupervisionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_exit_is_logged_recorded_and_with_restarts_on_served_again_on_the_same_endpoint_with_the_loss_stated()
    {
        var lines = new List<string>();
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions
        {
            StartTimeout = Patience,
            RestartOnExit = true,
            Log = l => { lock (lines) lines.Add(l); },
        });
        await using var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint, BackendStatus = () => local.Unavailable }, new ScriptedCapacityModel());
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1") });
        int pid = local.ProcessId;
        var incident = Next(local);
        int? servingWhenLost = null;
        local.StateLost += () => servingWhenLost = local.ProcessId;

        await KillAsync(local);
        var seen = await incident.WaitAsync(Patience);

        Assert.True(seen.Restarted, seen.Describe());
        // The loss is announced before the new process serves, so nothing learned from it is forgotten after.
        Assert.Equal(pid, servingWhenLost);
        Assert.Equal(pid, seen.ProcessId);
        Assert.Contains("Cannot convert undefined or null to object", seen.LastOutput, StringComparison.Ordinal);
        Assert.Contains("in memory is lost", seen.Lost, StringComparison.Ordinal);
        Assert.NotEqual(pid, local.ProcessId);
        Assert.False(local.HasExited);
        Assert.Null(local.Unavailable);
        Assert.Equal(seen, Assert.Single(local.Incidents));
        lock (lines)
        {
            Assert.Contains(lines, l => l.Contains("stopped unexpectedly", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("restarted at " + local.Endpoint, StringComparison.Ordinal));
        }

        // The restarted dynalite is empty; once told, the simulator learns the table anew from its CreateTable.
        bed.Proxy.EmulatorLostItsTables();
        using var health = await Health(bed);
        Assert.Equal(HttpStatusCode.OK, health.Status);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => bed.Client.GetItemAsync(table, ProxyTestBed.Key("a", "1")));
        string again = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = again, Item = ProxyTestBed.Item("b", "1") });
        var got = await bed.Client.GetItemAsync(new GetItemRequest { TableName = again, Key = ProxyTestBed.Key("b", "1"), ConsistentRead = true });
        Assert.Equal("b", got.Item["pk"].S);
    }

    [Fact]
    public async Task Without_restarts_the_exit_is_recorded_and_the_simulators_health_answers_503_with_the_reason()
    {
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = Patience });
        await using var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint, BackendStatus = () => local.Unavailable }, new ScriptedCapacityModel());
        using (var before = await Health(bed))
            Assert.Equal(HttpStatusCode.OK, before.Status);
        var incident = Next(local);

        await KillAsync(local);
        var seen = await incident.WaitAsync(Patience);
        using var after = await Health(bed);

        Assert.False(seen.Restarted);
        Assert.Contains("restarts are off", seen.RestartFailure, StringComparison.Ordinal);
        Assert.True(local.HasExited);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.Status);
        Assert.Equal("unavailable", after.Body.GetProperty("status").GetString());
        Assert.Contains("stopped unexpectedly", after.Body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_probes_the_emulator_even_when_nobody_reports_on_it()
    {
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = Patience });
        await using var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint }, new ScriptedCapacityModel());
        var incident = Next(local);

        await KillAsync(local);
        await incident.WaitAsync(Patience);
        using var after = await Health(bed);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.Status);
        Assert.Contains("cannot be reached", after.Body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static Task<LocalTargetIncident> Next(LocalDynamoDb local)
    {
        var next = new TaskCompletionSource<LocalTargetIncident>(TaskCreationOptions.RunContinuationsAsynchronously);
        local.Incident += i => next.TrySetResult(i);
        return next.Task;
    }

    /// <summary>Sends the fatal PutItem straight to dynalite; it dies without answering.</summary>
    private static Task KillAsync(LocalDynamoDb local) => SignedRequests.KillAsync(local.Endpoint, Patience);

    private static async Task<HealthReply> Health(ProxyTestBed bed)
    {
        using var http = new HttpClient { BaseAddress = bed.Proxy.Endpoint };
        using var response = await http.GetAsync("_loadlab/health");
        return new HealthReply(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private sealed record HealthReply(HttpStatusCode Status, JsonDocument Document) : IDisposable
    {
        public JsonElement Body => Document.RootElement;

        public void Dispose() => Document.Dispose();
    }
}
