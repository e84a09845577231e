using System.Text;

namespace LoadLab.Runner.Suites;

/// <summary>
/// A suite could not be loaded, or cannot be used by the command that loaded it; <see cref="Errors"/> holds every
/// problem found, in file order.
/// </summary>
/// <param name="verdict">What is wrong with the suite as a whole, after its name ("is invalid" by default).</param>
/// <param name="fix">A closing line saying how to fix what every error has in common, or null.</param>
public sealed class SuiteLoadException(string file, IReadOnlyList<SuiteError> errors, string verdict = SuiteLoadException.Invalid, string? fix = null)
    : Exception(Describe(file, errors, verdict, fix))
{
    /// <summary>The verdict of a suite that breaks the suite format.</summary>
    public const string Invalid = "is invalid";

    /// <summary>The suite file as it was named to the loader.</summary>
    public string File { get; } = file;

    public IReadOnlyList<SuiteError> Errors { get; } = errors;

    private static string Describe(string file, IReadOnlyList<SuiteError> errors, string verdict, string? fix)
    {
        var text = new StringBuilder();
        text.Append("Suite '").Append(file).Append("' ").Append(verdict).Append(" (")
            .Append(errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(errors.Count == 1 ? " error):" : " errors):");
        foreach (var error in errors)
            text.Append('\n').Append(error);
        if (fix is not null)
            text.Append('\n').Append(fix);
        return text.ToString();
    }
}
