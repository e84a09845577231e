namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>The emulator could not be reached or did not answer; the proxy answers InternalServerError (the SDK retries it).</summary>
internal sealed class UpstreamUnavailableException : Exception
{
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
