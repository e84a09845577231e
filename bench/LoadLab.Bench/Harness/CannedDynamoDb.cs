using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LoadLab.Bench.Harness;

/// <summary>
/// A DynamoDB that costs almost nothing: Kestrel on loopback answering every call with a canned body of the right
/// shape and a correct <c>x-amz-crc32</c> (the SDK checks it on every answer and retries on a mismatch). It exists so
/// the harness measures the client, not a target: GetItem returns a customer-sized item, PutItem its consumed
/// capacity, ListTables an empty list; any other call gets <c>{}</c>.
/// </summary>
internal static class CannedDynamoDb
{
    private const string Item =
        "{\"pk\":{\"S\":\"CUSTOMER#0000000042\"},\"sk\":{\"S\":\"PROFILE\"},\"name\":{\"S\":\"Jane Doe\"},\"email\":{\"S\":\"jane.doe@example.com\"}," +
        "\"phone\":{\"S\":\"+1-555-0100\"},\"city\":{\"S\":\"Springfield\"},\"country\":{\"S\":\"US\"},\"createdAt\":{\"S\":\"2024-01-01T00:00:00Z\"}," +
        "\"tier\":{\"S\":\"gold\"},\"balance\":{\"N\":\"1234.56\"},\"version\":{\"N\":\"1\"}}";

    private static readonly Canned Get = new("{\"ConsumedCapacity\":{\"CapacityUnits\":0.5,\"TableName\":\"local_Bench\"},\"Item\":" + Item + "}");
    private static readonly Canned Put = new("{\"ConsumedCapacity\":{\"CapacityUnits\":1.0,\"TableName\":\"local_Bench\"}}");
    private static readonly Canned List = new("{\"TableNames\":[]}");
    private static readonly Canned Empty = new("{}");

    /// <summary>Serves until the process is stopped; prints <c>listening URL</c> once bound so the parent can connect.</summary>
    public static async Task<int> ServeAsync(BenchOptions o)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        await using var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        Console.WriteLine($"listening http://127.0.0.1:{address.Port}/");
        Console.Out.Flush();
        // The parent closes our stdin (or kills us) when it is done.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        _ = o;
        return 0;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        string target = context.Request.Headers["X-Amz-Target"].ToString();
        var canned = target switch
        {
            "DynamoDB_20120810.GetItem" => Get,
            "DynamoDB_20120810.PutItem" => Put,
            "DynamoDB_20120810.ListTables" => List,
            _ => Empty,
        };
        // Read the request through, so the connection can be reused.
        var body = context.Request.Body;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/x-amz-json-1.0";
        response.ContentLength = canned.Body.Length;
        response.Headers["x-amz-crc32"] = canned.Crc;
        response.Headers["x-amzn-RequestId"] = "CANNEDREQUESTID0000000000000000000000000000000000000";
        await response.Body.WriteAsync(canned.Body);
    }

    private sealed class Canned(string json)
    {
        public byte[] Body { get; } = Encoding.UTF8.GetBytes(json);

        public string Crc { get; } = System.IO.Hashing.Crc32.HashToUInt32(Encoding.UTF8.GetBytes(json)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
