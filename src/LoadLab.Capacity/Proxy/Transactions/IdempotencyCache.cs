using System.Security.Cryptography;

namespace LoadLab.Capacity.Proxy.Transactions;

/// <summary>What a ClientRequestToken came to: nothing yet, running, done (with its answer), or reused with other parameters.</summary>
internal enum TokenState
{
    New,
    InProgress,
    Completed,
    Mismatch,
}

/// <summary>
/// TransactWriteItems idempotency: a ClientRequestToken is remembered for 10 minutes with a hash of the
/// request, so a retry of a successful call is answered without running it again, the same token with other
/// parameters is refused, and a retry while the first call runs is told so
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
/// </summary>
internal sealed class IdempotencyCache(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    // Claims in time order, so expiry looks only at the oldest ones.
    private readonly Queue<(string Token, DateTimeOffset Claimed)> order = new();
    private readonly Lock gate = new();

    /// <summary>Claims the token for this request (when new), or says what it already stands for.</summary>
    public TokenState Claim(string token, ReadOnlySpan<byte> request, out Entry? completed)
    {
        byte[] hash = SHA256.HashData(request);
        var now = time.GetUtcNow();
        completed = null;
        lock (gate)
        {
            Expire(now);
            if (entries.TryGetValue(token, out var entry))
            {
                if (!entry.RequestHash.AsSpan().SequenceEqual(hash))
                    return TokenState.Mismatch;
                if (entry.Answer is null)
                    return TokenState.InProgress;
                completed = entry;
                return TokenState.Completed;
            }

            entries[token] = new Entry(hash, now, null, []);
            order.Enqueue((token, now));
            return TokenState.New;
        }
    }

    /// <summary>The call succeeded: keep its answer and the items it wrote for the window.</summary>
    public void Complete(string token, byte[] answer, IReadOnlyList<(string Table, Sizing.PrimaryKey Key)> items)
    {
        lock (gate)
        {
            if (entries.TryGetValue(token, out var entry))
                entries[token] = entry with { Answer = answer, Items = items };
        }
    }

    /// <summary>The call failed or was cancelled: the token is free again (DynamoDB remembers only successes).</summary>
    public void Abandon(string token)
    {
        lock (gate)
            entries.Remove(token);
    }

    private void Expire(DateTimeOffset now)
    {
        while (order.Count > 0 && now - order.Peek().Claimed > Window)
        {
            var (token, claimed) = order.Dequeue();
            // The token may have been abandoned and claimed again since; only its own claim expires it.
            if (entries.TryGetValue(token, out var entry) && entry.Claimed == claimed)
                entries.Remove(token);
        }
    }

    internal sealed record Entry(byte[] RequestHash, DateTimeOffset Claimed, byte[]? Answer, IReadOnlyList<(string Table, Sizing.PrimaryKey Key)> Items);
}
