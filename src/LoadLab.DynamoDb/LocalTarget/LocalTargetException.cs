namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// The local DynamoDB could not be started. <see cref="Exception.Message"/> is a sentence for the
/// user (what went wrong and what to do); the CLI prints it and exits with code 3.
/// </summary>
public sealed class LocalTargetException : Exception
{
    public LocalTargetException()
        : base("The local DynamoDB could not be started.")
    {
    }

    public LocalTargetException(string message)
        : base(message)
    {
    }

    public LocalTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
