using System.Diagnostics;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// One started <c>node serve.js</c>: the process, the port it bound, the last lines it wrote on stderr (kept
/// for the whole life of the process, so an exit long after the start can still be explained) and the task
/// draining its stdout.
/// </summary>
internal sealed class ServerProcess(Process process, int port, OutputTail output, Task drain)
{
    public Process Process { get; } = process;

    public int Port { get; } = port;

    public int ProcessId { get; } = process.Id;

    public OutputTail Output { get; } = output;

    public Task Drain { get; } = drain;

    public bool HasExited
    {
        get
        {
            try
            {
                return Process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true; // disposed concurrently
            }
        }
    }

    /// <summary>The exit code, or null while it runs (or when the OS no longer says).</summary>
    public int? ExitCode
    {
        get
        {
            try
            {
                return Process.HasExited ? Process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
