namespace LoadLab.Capacity.Model.Settings;

/// <summary>Invalid capacity settings: every problem found, each naming what is allowed.</summary>
public sealed class CapacitySettingsException : Exception
{
    public CapacitySettingsException()
        : this([])
    {
    }

    public CapacitySettingsException(string message)
        : this([message])
    {
    }

    public CapacitySettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public CapacitySettingsException(IReadOnlyList<string> errors)
        : base(errors.Count == 0 ? "Invalid capacity settings." : string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
