using LoadLab.Core.Engine;

namespace LoadLab.Runner.Running;

/// <summary>
/// What a run tells its user while it goes: info lines, warnings and the live view. The executable renders it on
/// the console; tests collect it. Stages take it instead of writing anywhere themselves.
/// </summary>
public interface IRunReporter
{
    void Info(string message);

    void Warn(string message);

    /// <summary>Called once per engine interval with the live figures.</summary>
    void OnInterval(LiveSnapshot snapshot);

    /// <summary>Shows the live view while <paramref name="work"/> runs (the load phase).</summary>
    Task<T> ShowWhileAsync<T>(Func<Task<T>> work);
}
