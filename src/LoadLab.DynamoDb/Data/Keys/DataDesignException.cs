namespace LoadLab.DynamoDb.Data.Keys;

/// <summary>
/// A template, custom field or data set option that cannot work. <see cref="Unknown"/> and <see cref="Candidates"/>
/// let the suite loader add a "did you mean" to the message.
/// </summary>
public sealed class DataDesignException : FormatException
{
    public DataDesignException()
    {
    }

    public DataDesignException(string message)
        : base(message)
    {
    }

    public DataDesignException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataDesignException(string message, string unknown, IReadOnlyList<string> candidates)
        : base(message)
    {
        Unknown = unknown;
        Candidates = candidates;
    }

    /// <summary>The name that was not found, when that is the problem.</summary>
    public string? Unknown { get; }

    /// <summary>The names that would have been found.</summary>
    public IReadOnlyList<string> Candidates { get; } = [];
}
