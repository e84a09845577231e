using System.Text.Encodings.Web;
using System.Text.Json;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>The text of scenarios/suite.schema.json as the model generates it: indented, UTF-8, '\n' line ends.</summary>
internal static class SuiteSchemaText
{
    /// <summary>Where the file lives in the repository.</summary>
    public static readonly string[] RepositoryPath = ["scenarios", "suite.schema.json"];

    /// <summary>How to rewrite the file after changing the model.</summary>
    public const string RegenerateCommand =
        "LOADLAB_WRITE_SCHEMA=1 dotnet test tests/LoadLab.UnitTests --filter \"FullyQualifiedName~SuiteSchemaGenerationTests\"";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Keeps '<', '>', '&', '…' and quotes readable in patterns and descriptions; the file is not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Generate() => SuiteSchemaModel.Document().ToJsonString(Options) + "\n";
}
