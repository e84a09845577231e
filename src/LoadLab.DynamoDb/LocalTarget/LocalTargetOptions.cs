namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>How to start the local DynamoDB (dynalite) with <see cref="LocalDynamoDbLauncher"/>.</summary>
public sealed record LocalTargetOptions
{
    /// <summary>
    /// The <c>tools/local-dynamodb</c> folder (the one holding dynalite's package.json);
    /// <see langword="null"/> finds it automatically (see <see cref="ToolDirectoryLocator"/>).
    /// </summary>
    public string? ToolDirectory { get; init; }

    /// <summary>Port on 127.0.0.1; 0 (the default) lets the OS choose a free one, so parallel runs never collide.</summary>
    public int Port { get; init; }

    /// <summary>Folder for on-disk tables; <see langword="null"/> keeps them in memory.</summary>
    public string? PersistDirectory { get; init; }

    /// <summary>
    /// How long a table stays CREATING, DELETING or UPDATING. Zero (the default, fast) makes tables ACTIVE at
    /// once; a delay lets a client meet those states and the errors DynamoDB gives in them (at most 10 minutes).
    /// </summary>
    public TimeSpan TableStatusDelay { get; init; }

    /// <summary>Time allowed for the whole start, including a first <c>npm ci</c>.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Receives progress lines such as "Installing the local DynamoDB (npm ci)…".</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// Start dynalite again, on the same port, when it stops without being asked (for <c>loadlab local</c>,
    /// which serves other clients for as long as it runs). Off, an exit is still noticed, logged and recorded
    /// in <see cref="LocalDynamoDb.Incidents"/>. Restarts are bounded (see <see cref="LocalDynamoDb"/>).
    /// </summary>
    public bool RestartOnExit { get; init; }

    /// <summary>The Node.js program: a name looked up on PATH, or a full path.</summary>
    public string NodeExecutable { get; init; } = NodeRuntime.DefaultExecutable;
}
