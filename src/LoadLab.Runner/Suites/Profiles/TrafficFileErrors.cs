using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites.Profiles;

/// <summary>A problem inside a traffic file: 1-based line, and column when there is one (0: the whole line or file).</summary>
internal readonly record struct TrafficFileError(int Line, int Column, string Message)
{
    /// <summary>Position for a message, after the file name: ":7:6", ":7", or nothing for the file as a whole.</summary>
    public string Position => Line == 0 ? "" : Column == 0 ? Formatting.Invariant($":{Line}") : Formatting.Invariant($":{Line}:{Column}");
}

/// <summary>
/// The errors of one traffic file, all at once like every suite error, but bounded: a file of a hundred
/// thousand bad rows gets the first few and a count, not a hundred thousand lines.
/// </summary>
internal sealed class TrafficFileErrors
{
    public const int MaxShown = 10;

    private readonly List<TrafficFileError> shown = [];

    public int Count { get; private set; }

    public bool Any => Count > 0;

    public IReadOnlyList<TrafficFileError> Shown => shown;

    public void Add(int line, int column, string message)
    {
        Count++;
        if (shown.Count < MaxShown)
            shown.Add(new TrafficFileError(line, column, message));
    }
}
