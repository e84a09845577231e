using System.Globalization;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// The SDK's per-attempt headers (excluded from SigV4 signing, so readable here without touching the
/// signature): <c>amz-sdk-invocation-id</c> is constant across the retries of one call and
/// <c>amz-sdk-request: attempt=N; max=M</c> numbers the attempt.
/// </summary>
internal readonly record struct AttemptHeaders(string? InvocationId, int? Attempt, int? MaxAttempts)
{
    public const string InvocationIdHeader = "amz-sdk-invocation-id";
    public const string RequestHeader = "amz-sdk-request";

    // Longer values are not SDK ids; capping them keeps a hostile header from bloating the call table.
    private const int MaxInvocationIdLength = 128;

    public static AttemptHeaders Parse(string? invocationId, string? request)
    {
        string? id = string.IsNullOrWhiteSpace(invocationId) ? null : invocationId.Trim();
        if (id is { Length: > MaxInvocationIdLength })
            id = id[..MaxInvocationIdLength];
        int? attempt = null;
        int? max = null;
        if (!string.IsNullOrEmpty(request))
        {
            foreach (string part in request.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                    continue;
                var key = part.AsSpan(0, eq).Trim();
                var value = part.AsSpan(eq + 1).Trim();
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number <= 0)
                    continue;
                if (key.Equals("attempt", StringComparison.OrdinalIgnoreCase))
                    attempt = number;
                else if (key.Equals("max", StringComparison.OrdinalIgnoreCase))
                    max = number;
            }
        }

        return new AttemptHeaders(id, attempt, max);
    }
}
