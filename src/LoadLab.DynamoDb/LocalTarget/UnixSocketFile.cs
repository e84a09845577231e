using System.Net.Sockets;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>Where a local target's Unix domain socket goes: a fresh file name in the temp folder, or none where it cannot work.</summary>
public static class UnixSocketFile
{
    // sockaddr_un holds 108 bytes on Linux and 104 on macOS, terminator included: longer paths cannot be bound.
    private const int MaxPathBytes = 100;

    /// <summary>A new, unused path; null on Windows (node serves named pipes there, not socket files) or when the temp folder's path is too long.</summary>
    public static string? NewPath()
    {
        if (OperatingSystem.IsWindows() || !Socket.OSSupportsUnixDomainSockets)
            return null;
        string path = Path.Combine(Path.GetTempPath(), $"loadlab-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32] + ".sock");
        return System.Text.Encoding.UTF8.GetByteCount(path) <= MaxPathBytes ? path : null;
    }
}
