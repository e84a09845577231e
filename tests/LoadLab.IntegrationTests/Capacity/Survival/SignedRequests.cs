using System.Net.Http.Headers;
using System.Text;

namespace LoadLab.IntegrationTests.Capacity.Survival;

/// <summary>Raw DynamoDB requests with a well-formed (dummy) SigV4 header: what a client sends, without an SDK tidying it.</summary>
internal static class SignedRequests
{
    public static HttpRequestMessage Create(string operation, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
        return request;
    }

    /// <summary>The PutItem from the issue that ended dynalite: a JSON null as an attribute value.</summary>
    public static HttpRequestMessage Fatal(string table = "anytable") =>
        Create("PutItem", $$$"""{"TableName":"{{{table}}}","Item":{"pk":{"S":"a"},"x":null}}""");

    /// <summary>Sends <see cref="Fatal"/> straight to dynalite at <paramref name="dynalite"/>; it dies without answering.</summary>
    public static async Task KillAsync(Uri dynalite, TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = dynalite, Timeout = patience };
        try
        {
            using var response = await http.SendAsync(Fatal());
        }
        catch (HttpRequestException)
        {
            // The connection closed with the process.
        }
    }
}
