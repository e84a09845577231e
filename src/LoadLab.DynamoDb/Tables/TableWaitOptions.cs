namespace LoadLab.DynamoDb.Tables;

/// <summary>How <see cref="TableProvisioner"/> waits for a table to become ACTIVE.</summary>
public sealed record TableWaitOptions
{
    public static readonly TableWaitOptions Default = new();

    /// <summary>Pause between two DescribeTable calls. Short: local targets are ready almost at once.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest total wait; AWS usually needs well under a minute for a new table without indexes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
