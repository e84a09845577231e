using System.Text;

namespace LoadLab.Runner.Suites;

/// <summary>A suite could not be loaded; <see cref="Errors"/> holds every problem found, in file order.</summary>
public sealed class SuiteLoadException(string file, IReadOnlyList<SuiteError> errors) : Exception(Describe(file, errors))
{
    /// <summary>The suite file as it was named to the loader.</summary>
    public string File { get; } = file;

    public IReadOnlyList<SuiteError> Errors { get; } = errors;

    private static string Describe(string file, IReadOnlyList<SuiteError> errors)
    {
        var text = new StringBuilder();
        text.Append("Suite '").Append(file).Append("' is invalid (")
            .Append(errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(errors.Count == 1 ? " error):" : " errors):");
        foreach (var error in errors)
            text.Append('\n').Append(error);
        return text.ToString();
    }
}
