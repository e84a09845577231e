namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// The last lines a child process wrote, kept so a failure message can quote them. Bounded, because
/// a long-running dynalite must not accumulate output for hours.
/// </summary>
internal sealed class OutputTail(int capacity = 15)
{
    private readonly Queue<string> lines = new(capacity);
    private readonly Lock gate = new();

    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        lock (gate)
        {
            if (lines.Count == capacity)
                lines.Dequeue();
            lines.Enqueue(line.TrimEnd());
        }
    }

    public void AddAll(string text)
    {
        foreach (string line in text.Split('\n'))
            Add(line);
    }

    /// <summary>
    /// The lines, indented, without JavaScript stack frames ("    at …"): users get the error
    /// itself, not a trace.
    /// </summary>
    public string Format()
    {
        lock (gate)
        {
            var shown = lines.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).ToList();
            return shown.Count == 0 ? "  (no output)" : string.Join(Environment.NewLine, shown.Select(l => "  " + l));
        }
    }
}
