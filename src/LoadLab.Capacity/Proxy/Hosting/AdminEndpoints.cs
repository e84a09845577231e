using System.Text.Json;
using System.Text.Json.Serialization;
using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>
/// LoadLab's own loopback endpoints beside the DynamoDB API: <c>GET /_loadlab/health</c>,
/// <c>GET /_loadlab/metrics</c> (the model's snapshot and settings, plus the proxy's attempt statistics)
/// and <c>POST /_loadlab/tables/{name}/autoscaling</c> (a <see cref="TableAutoScaling"/>).
/// </summary>
internal sealed class AdminEndpoints(ProxyServices services)
{
    public const string Root = "/_loadlab";

    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>camelCase and enum names, as the rest of LoadLab's JSON; named floats so an infinite setting cannot break the endpoint.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        string path = request.Path.Value ?? string.Empty;
        try
        {
            if (HttpMethods.IsGet(request.Method) && path == Root + "/health")
            {
                await HealthAsync(http);
            }
            else if (HttpMethods.IsGet(request.Method) && path == Root + "/metrics")
            {
                await WriteAsync(http, 200, new
                {
                    model = services.Model.Snapshot(),
                    settings = services.Model.Settings,
                    requests = services.Statistics.Snapshot(),
                    faults = services.Faults.Snapshot(),
                });
            }
            else if (HttpMethods.IsPost(request.Method) && TableOf(path) is { } table)
            {
                await AutoScalingAsync(http, table);
            }
            else
            {
                await WriteAsync(http, 404, new { error = $"No such LoadLab endpoint: {request.Method} {path}. Try GET {Root}/health, GET {Root}/metrics or POST {Root}/tables/NAME/autoscaling." });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !http.Response.HasStarted)
        {
            await WriteAsync(http, 500, new { error = $"{ex.GetType().Name}: {ex.Message}" });
        }
    }

    /// <summary>
    /// Healthy means the whole stack serves: the emulator's owner reports no trouble and the emulator answers
    /// its own health check. Otherwise 503 with the reason, so a client (or a container probe) can tell.
    /// </summary>
    private async Task HealthAsync(HttpContext http)
    {
        string upstream = services.Upstream.Upstream.ToString();
        string? reason = services.Options.BackendStatus?.Invoke()
            ?? await services.Upstream.ProbeAsync(HealthProbeTimeout, http.RequestAborted);
        if (reason is null)
            await WriteAsync(http, 200, new { status = "ok", upstream });
        else
            await WriteAsync(http, 503, new { status = "unavailable", upstream, reason });
    }

    private static string? TableOf(string path)
    {
        const string prefix = Root + "/tables/";
        const string suffix = "/autoscaling";
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal))
            return null;
        string name = path[prefix.Length..^suffix.Length];
        return name.Length > 0 && !name.Contains('/', StringComparison.Ordinal) ? name : null;
    }

    private async Task AutoScalingAsync(HttpContext http, string table)
    {
        using var body = new PooledBuffer(1024);
        if (!await body.ReadFromAsync(http.Request.Body, MaxBodyBytes, http.RequestAborted))
        {
            await WriteAsync(http, 413, new { error = "The auto scaling policy is larger than 1 MB." });
            return;
        }

        TableAutoScaling? scaling;
        try
        {
            scaling = JsonSerializer.Deserialize<TableAutoScaling>(body.Span, Json);
        }
        catch (JsonException ex)
        {
            await WriteAsync(http, 400, new { error = $"The body is not a valid auto scaling policy: {ex.Message}" });
            return;
        }

        string? problem = scaling is null ? "The body must be a JSON object with read, write and/or indexes." : scaling.Validate();
        if (problem is not null)
        {
            await WriteAsync(http, 400, new { error = problem });
            return;
        }

        var model = services.Model;
        if (model.Describe(table) is not { } current)
        {
            services.PendingScaling[table] = scaling!;
            await WriteAsync(http, 202, new { table, applied = false, pending = true });
            return;
        }

        var result = model.UpdateTable(scaling!.ApplyTo(current));
        if (result.Accepted)
            await WriteAsync(http, 200, new { table, applied = true, pending = false });
        else
            await WriteAsync(http, 409, new { table, applied = false, error = result.RefusalMessage, errorType = result.ErrorType });
    }

    private static async Task WriteAsync<T>(HttpContext http, int status, T value)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, value, Json, http.RequestAborted);
    }
}
