using LoadLab.Core.Errors;
using LoadLab.Core.Results;
using LoadLab.Reports.Json;

namespace LoadLab.Reports.Compare;

/// <summary>Reads results files for compare and report: every way a file can be unusable becomes a message naming it (exit 2).</summary>
internal static class ResultsFiles
{
    public static RunResult Read(string path, string command)
    {
        RunResult result;
        try
        {
            result = ResultsJson.Read(path);
        }
        catch (ResultsFormatException e)
        {
            throw new InvalidInputException($"loadlab {command}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"loadlab {command}: {path}: cannot be read: {e.Message}");
        }
        // The serializer lets an explicit null through where the schema requires a list; say so instead of failing later.
        if (Missing(result) is { } field)
            throw new InvalidInputException($"loadlab {command}: {path}: does not match the results schema: '{field}' is missing or null.");
        return result;
    }

    private static string? Missing(RunResult result)
    {
        if (result.Run is null) return "run";
        if (result.Scenarios is null) return "scenarios";
        foreach (var scenario in result.Scenarios)
        {
            if (scenario?.Name is null) return "scenarios[].name";
            if (scenario.Operations is null) return $"scenarios[{scenario.Name}].operations";
            if (scenario.Series is null) return $"scenarios[{scenario.Name}].series";
            if (scenario.Warmup is null) return $"scenarios[{scenario.Name}].warmup";
            foreach (var op in scenario.Operations)
            {
                if (op?.Name is null) return $"scenarios[{scenario.Name}].operations[].name";
                if (op.Outcomes is null || op.Series is null || op.Latency is null)
                    return $"scenarios[{scenario.Name}].operations[{op.Name}]";
            }
        }
        return null;
    }
}
