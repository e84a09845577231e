namespace LoadLab.Runner.Safety;

/// <summary>Asks a person before a destructive action; tests answer for them.</summary>
internal interface IConfirmation
{
    /// <summary>True on a terminal where someone can answer.</summary>
    bool IsInteractive { get; }

    bool Confirm(string question);
}
