using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Which requests get past authentication as the emulator checks it (the rest are left to the emulator's errors).</summary>
public sealed class SignatureCheckTests
{
    private const string Complete = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    private const string Presigned = "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=c&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00";

    [Theory]
    [InlineData(Complete, "X-Amz-Date", "", true)]
    [InlineData(Complete, "Date", "", true)]
    [InlineData("  " + Complete, "X-Amz-Date", "", true)]
    [InlineData(Complete, null, "", false)] // no date header
    [InlineData("AWS4-HMAC-SHA256 Credential=c, SignedHeaders=host", "X-Amz-Date", "", false)] // no Signature
    [InlineData("AWS4-HMAC-SHA256 Credential=c, SignedHeaders=host, Signature=", "X-Amz-Date", "", false)] // empty Signature
    [InlineData("Basic abc", "X-Amz-Date", "", false)]
    [InlineData(null, null, "", false)]
    [InlineData(Complete, "X-Amz-Date", Presigned, false)] // both: InvalidSignature
    [InlineData(null, null, Presigned, true)]
    [InlineData(null, null, "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=c&X-Amz-Date=d&X-Amz-SignedHeaders=host", false)]
    public void Passes_as_the_emulator_would(string? authorization, string? dateHeader, string query, bool passes)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        if (authorization is not null)
            headers.Authorization = authorization;
        if (dateHeader is not null)
            headers[dateHeader] = "20260101T000000Z";

        Assert.Equal(passes, SignatureCheck.Passes(headers, query));
    }
}
