namespace LoadLab.Core.Outcomes;

/// <summary>
/// How a fault the capacity simulator injected (<c>simulator.faults</c>) is recognised on the client side: its error
/// message (and the message of each exception of a dropped connection) starts with <see cref="Marker"/>. The simulator
/// writes it; the driver's outcome classifier reads it, so injected failures are counted apart from real ones.
/// </summary>
public static class InjectedFaults
{
    public const string Marker = "[fault injected by LoadLab's simulator]";

    /// <summary>True when <paramref name="message"/> is that of an injected fault.</summary>
    public static bool IsMarked(string? message) => message?.StartsWith(Marker, StringComparison.Ordinal) == true;
}
