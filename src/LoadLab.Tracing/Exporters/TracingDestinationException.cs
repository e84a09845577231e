namespace LoadLab.Tracing.Exporters;

/// <summary>The trace destination cannot be used (bad address, host unknown). The run warns and goes on without sending.</summary>
public sealed class TracingDestinationException : Exception
{
    public TracingDestinationException(string message)
        : base(message)
    {
    }

    public TracingDestinationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
