using System.Net.Http.Json;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;

namespace LoadLab.Capacity.Proxy;

/// <summary>What the simulator did with a pushed auto scaling policy.</summary>
/// <param name="Applied">The table was known and now scales by the policy.</param>
/// <param name="Pending">The table is not known yet; the policy applies when it is created through the simulator.</param>
/// <param name="Error">Why the simulator refused the policy, or null.</param>
public sealed record AutoScalingPushResult(bool Applied, bool Pending, string? Error);

/// <summary>
/// Client of the simulator's admin endpoints (<c>/_loadlab/…</c>), for the run and for anything that
/// drives a <c>loadlab local</c> simulator: the same HTTP route an outside tool would use.
/// </summary>
public static class SimulatorAdminClient
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>POSTs <paramref name="scaling"/> to <c>/_loadlab/tables/{table}/autoscaling</c> of the simulator at <paramref name="endpoint"/>.</summary>
    public static async Task<AutoScalingPushResult> PushAutoScalingAsync(Uri endpoint, string table, TableAutoScaling scaling, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentNullException.ThrowIfNull(scaling);
        var url = new Uri(endpoint, $"{AdminEndpoints.Root}/tables/{Uri.EscapeDataString(table)}/autoscaling");
        using var response = await Http.PostAsJsonAsync(url, scaling, AdminEndpoints.Json, cancellationToken).ConfigureAwait(false);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var root = body.RootElement;
        if (response.IsSuccessStatusCode)
            return new AutoScalingPushResult(Flag(root, "applied"), Flag(root, "pending"), null);
        var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
        return new AutoScalingPushResult(false, false, error ?? $"HTTP {(int)response.StatusCode}");
    }

    private static bool Flag(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
