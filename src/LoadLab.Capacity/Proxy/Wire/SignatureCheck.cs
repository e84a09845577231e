using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// Whether a request gets past authentication the way the emulators check it (they never verify the
/// signature itself): exactly one of a SigV4 Authorization header (with Credential, SignedHeaders, Signature
/// and a date) or a presigned query string (with its five X-Amz-* parameters). A request that does not is
/// answered by the emulator with DynamoDB's MissingAuthenticationToken, IncompleteSignature or
/// InvalidSignature, before it looks at the body, so the proxy leaves it to the emulator.
/// </summary>
internal static class SignatureCheck
{
    private static readonly string[] HeaderParameters = ["Credential", "Signature", "SignedHeaders"];
    private static readonly string[] QueryParameters = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"];

    public static bool Passes(IHeaderDictionary headers, string query)
    {
        string authorization = headers.Authorization.ToString();
        var parameters = query.Length > 1 ? QueryHelpers.ParseQuery(query) : null;
        bool presigned = parameters?.ContainsKey("X-Amz-Algorithm") == true;
        if (authorization.Length > 0)
            return !presigned && HeaderIsComplete(authorization, headers);
        return presigned && QueryParameters.All(p => parameters!.TryGetValue(p, out var value) && !string.IsNullOrEmpty(value.ToString()));
    }

    private static bool HeaderIsComplete(string authorization, IHeaderDictionary headers)
    {
        var text = authorization.AsSpan().TrimStart();
        if (!text.StartsWith("AWS4-", StringComparison.Ordinal))
            return false;
        // Tokens split on ',' and ' ' after the algorithm, each "Name=value"; scanned in place (every request passes here).
        int found = 0;
        bool first = true;
        while (!text.IsEmpty)
        {
            int end = text.IndexOfAny(',', ' ');
            var token = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (token.IsEmpty)
                continue;
            if (first)
            {
                first = false; // the algorithm
                continue;
            }

            int eq = token.IndexOf('=');
            if (eq <= 0 || eq == token.Length - 1)
                continue;
            var name = token[..eq].Trim();
            for (int i = 0; i < HeaderParameters.Length; i++)
            {
                if (name.SequenceEqual(HeaderParameters[i]))
                    found |= 1 << i;
            }
        }

        return found == (1 << HeaderParameters.Length) - 1
            && (!string.IsNullOrEmpty(headers["X-Amz-Date"].ToString()) || !string.IsNullOrEmpty(headers.Date.ToString()));
    }
}
