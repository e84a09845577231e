namespace LoadLab.Core.Errors;

/// <summary>
/// The input cannot be used (a bad option, a suite that does not fit, a guard that refuses): nothing was run.
/// The message says what is wrong and how to fix it; the executable shows it without a stack trace (exit 2).
/// </summary>
public sealed class InvalidInputException(string message) : Exception(message);
