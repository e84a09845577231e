using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// With no table-status delay, a table must be usable the moment CreateTable answers and gone the moment
/// DeleteTable answers. dynalite flips the status on a 0-ms timer after it has answered, so a client that
/// writes at once (a test fixture, an application starting up) could meet a CREATING table and get
/// ResourceNotFoundException. The answer is held back until the emulator shows the final state.
/// </summary>
internal static class TableStatusSettling
{
    /// <summary>Far more looks than dynalite's 0-ms timer needs; past them the answer goes out as it is.</summary>
    private const int MaxLooks = 2000;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(1);

    public static bool Applies(OperationContext context) => context.Services.Model.Settings.TableStatusDelay == TimeSpan.Zero;

    /// <summary>Waits until <paramref name="name"/> and its indexes are ACTIVE (or gone, when <paramref name="gone"/>).</summary>
    public static async Task AwaitAsync(OperationContext context, string name, bool gone)
    {
        byte[] body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { ["TableName"] = name }));
        for (int look = 0; look < MaxLooks && !context.Stopping.IsCancellationRequested; look++)
        {
            using (var answer = await context.SideCallAsync("DescribeTable", body))
            {
                if (Settled(answer, gone))
                    return;
            }

            // The emulator's timer runs on the real clock, whatever clock drives the model.
            await Task.Delay(Pause, TimeProvider.System, context.Stopping);
        }
    }

    private static bool Settled(UpstreamResponse answer, bool gone)
    {
        if (gone)
            return answer.IsError("ResourceNotFoundException");
        if (!answer.IsSuccess)
            return !answer.IsError("ResourceNotFoundException"); // another failure: nothing to wait for
        using var document = JsonDocument.Parse(answer.Body.Memory);
        if (JsonRead.Object(document.RootElement, "Table") is not { } table)
            return true;
        if (JsonRead.String(table, "TableStatus") != "ACTIVE")
            return false;
        if (table.TryGetProperty("GlobalSecondaryIndexes", out var indexes) && indexes.ValueKind == JsonValueKind.Array)
        {
            foreach (var index in indexes.EnumerateArray())
            {
                if (JsonRead.String(index, "IndexStatus") is { } status && status != "ACTIVE")
                    return false;
            }
        }

        return true;
    }
}
