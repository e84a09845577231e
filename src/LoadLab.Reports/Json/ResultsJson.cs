using System.Text.Json;
using System.Text.Json.Serialization;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Json;

/// <summary>
/// results.json: the RunResult as camelCase JSON. It is the one machine-readable output every
/// other report can be rebuilt from, so it is written first and read back strictly.
/// </summary>
public static class ResultsJson
{
    public const string FileName = "results.json";

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        // Unindented: a one-hour run's results stay near 11 MB instead of 30 MB; tools format it on demand.
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Set explicitly so the schema exporter (ResultsSchema) can read the same contract the writer uses.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Writes atomically: a temporary file renamed into place, so a crash never leaves half a file.</summary>
    public static async Task<string> WriteAsync(RunResult result, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        string temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
            await JsonSerializer.SerializeAsync(stream, result, Options, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    public static string Serialize(RunResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads a results file; a missing, truncated, foreign or newer file gives a <see cref="ResultsFormatException"/> that says which.</summary>
    public static RunResult Read(string path)
    {
        if (!File.Exists(path))
            throw new ResultsFormatException($"{path}: no such file.");
        string text = File.ReadAllText(path);
        return Parse(text, path);
    }

    public static RunResult Parse(string json, string source)
    {
        int version;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("schemaVersion", out var v) || !v.TryGetInt32(out version))
                throw new ResultsFormatException($"{source}: not a LoadLab results file (no schemaVersion).");
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{source}: not valid JSON (truncated or damaged?) at line {e.LineNumber + 1}: {e.Message}");
        }

        if (version != RunResult.CurrentSchemaVersion)
            throw new ResultsFormatException($"{source}: results schema version {version}; this LoadLab reads version {RunResult.CurrentSchemaVersion}.");
        try
        {
            return JsonSerializer.Deserialize<RunResult>(json, Options)
                ?? throw new ResultsFormatException($"{source}: empty results.");
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{source}: does not match the results schema at {e.Path}: {e.Message}");
        }
    }
}

/// <summary>A results file that cannot be used; the message names the file and the reason.</summary>
public sealed class ResultsFormatException(string message) : Exception(message);
