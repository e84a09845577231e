using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>
/// One DynamoDB API request and the way to answer it, whichever transport brought it: Kestrel on loopback
/// (<see cref="KestrelExchange"/>, for any client) or a handler inside LoadLab's own process
/// (<see cref="InProcess.InProcessExchange"/>, no socket between the SDK and the simulator). The dispatcher
/// sees only this, so both transports price, admit, throttle and answer alike.
/// </summary>
internal abstract class ProxyExchange
{
    public abstract string Method { get; }

    /// <summary>True for the root path, where DynamoDB and the emulators answer health checks.</summary>
    public abstract bool IsRootPath { get; }

    public abstract IHeaderDictionary Headers { get; }

    /// <summary>The query string as sent ("" or "?…"): forwarded as it is (presigned requests carry their signature there).</summary>
    public abstract string QueryString { get; }

    /// <summary>Signalled when the client gave up on the request.</summary>
    public abstract CancellationToken Aborted { get; }

    /// <summary>True once an answer was sent (or handed over): nothing more may be written.</summary>
    public abstract bool HasAnswered { get; }

    public abstract Task<RequestBody> ReadBodyAsync();

    /// <summary>Sends the request on to the emulator as it is and passes the emulator's answer through untouched.</summary>
    public abstract Task RelayAsync(UpstreamClient upstream, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>Answers with this response; the caller still owns (and disposes) it.</summary>
    public abstract Task WriteAsync(WireResponse response);

    /// <summary>
    /// Drops the connection without an answer, as a dead or failing server does: Kestrel resets it, and in process the
    /// SDK's send fails with <paramref name="cause"/> (a transport exception the client classifies as a network error).
    /// </summary>
    public abstract void Abort(HttpRequestException cause);
}
