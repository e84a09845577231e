namespace LoadLab.Tracing.Exporters;

/// <summary>What happened to kept segments. Thread-safe: the load path counts queue overflows, the export thread the rest.</summary>
public sealed class ExportCounters
{
    private long sent;
    private long documents;
    private long sendFailures;
    private long queueFull;
    private string? firstError;

    /// <summary>Segments handed to the transport.</summary>
    public long Sent => Interlocked.Read(ref sent);

    /// <summary>Documents (UDP datagrams) or spans sent; more than <see cref="Sent"/> when subsegments were streamed on their own.</summary>
    public long Documents => Interlocked.Read(ref documents);

    /// <summary>Sends the transport refused (one per failed datagram or batch).</summary>
    public long SendFailures => Interlocked.Read(ref sendFailures);

    /// <summary>Segments dropped because the export queue was full.</summary>
    public long QueueFull => Interlocked.Read(ref queueFull);

    /// <summary>The first error met, for the run summary.</summary>
    public string? FirstError => Volatile.Read(ref firstError);

    public void OnSent(long segments, long documentCount)
    {
        Interlocked.Add(ref sent, segments);
        Interlocked.Add(ref documents, documentCount);
    }

    public void OnSendFailed(string error)
    {
        Interlocked.Increment(ref sendFailures);
        Interlocked.CompareExchange(ref firstError, error, null);
    }

    public void OnQueueFull() => Interlocked.Increment(ref queueFull);

    public void OnError(string error) => Interlocked.CompareExchange(ref firstError, error, null);
}
