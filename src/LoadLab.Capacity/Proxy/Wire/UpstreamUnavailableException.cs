namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// The emulator could not be reached or did not answer. The proxy then drops the client's connection
/// (<see cref="AsConnectionFailure"/>) rather than answering: the emulator is the target, so a dead one must read as
/// a dead target (a network error) to the client, as it would without the simulator in between — not as DynamoDB's 500.
/// </summary>
internal sealed class UpstreamUnavailableException : Exception
{
    /// <summary>The transport failure an in-process client sees: this message, and the emulator's own failure inside (connection refused, reset, timeout).</summary>
    public HttpRequestException AsConnectionFailure() =>
        new(HttpRequestError.ConnectionError, Message, InnerException ?? this);

    public UpstreamUnavailableException()
    {
    }

    public UpstreamUnavailableException(string message)
        : base(message)
    {
    }

    public UpstreamUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
