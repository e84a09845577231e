namespace LoadLab.Core.Errors;

/// <summary>
/// The input is fine but the run cannot be carried out (target unreachable, credentials, a table in the way).
/// The message says what happened and what to check; the executable shows it without a stack trace (exit 3).
/// </summary>
public sealed class CannotRunException(string message) : Exception(message);
