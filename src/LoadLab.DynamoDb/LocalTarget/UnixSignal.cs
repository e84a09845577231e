using System.Runtime.InteropServices;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// Sends SIGTERM, which .NET has no managed API for (Process.Kill sends SIGKILL), so dynalite can
/// close its store cleanly before the hard kill.
/// </summary>
internal static partial class UnixSignal
{
    private const int SigTerm = 15; // the same number on Linux and macOS

    /// <summary>Best effort: false on Windows or when the process is already gone.</summary>
    public static bool TryTerminate(int processId)
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            return Kill(processId, SigTerm) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
