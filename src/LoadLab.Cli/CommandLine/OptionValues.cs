using System.Globalization;
using LoadLab.Core.Text;
using LoadLab.Runner.Suites;

namespace LoadLab.Cli.CommandLine;

/// <summary>The option values several commands share, parsed with the same messages everywhere.</summary>
internal static class OptionValues
{
    public static Uri? Endpoint(string? text, List<string> errors)
    {
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https") return endpoint;
        errors.Add($"--endpoint '{text}' is not an http(s) URL, e.g. http://127.0.0.1:8000");
        return null;
    }

    public static double DurationScale(string? text, List<string> errors)
    {
        if (text is null) return 1.0;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double scale) && scale is >= 0.001 and <= 100) return scale;
        errors.Add($"--duration-scale '{text}' must be a number from 0.001 to 100, e.g. 0.1");
        return 1.0;
    }

    public static long? Seed(string? text, List<string> errors)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed)) return seed;
        errors.Add($"--seed '{text}' must be a whole number");
        return null;
    }

    public static string? Environment(string? text, List<string> errors)
    {
        if (text is null || SuiteValues.Environments.Contains(text)) return text;
        errors.Add($"--env '{text}' is not an environment; use one of {string.Join(", ", SuiteValues.Environments)}." + NameSuggestions.DidYouMean(text, SuiteValues.Environments));
        return null;
    }

    public static string? Region(string? text, List<string> errors)
    {
        // An empty or spaced region would only fail later, inside the SDK, with a message about endpoints.
        if (text is null || (text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))) return text;
        errors.Add($"--region '{text}' is not an AWS region name, e.g. eu-west-1");
        return null;
    }

    /// <summary>--max-cost: US dollars, 0 or more, with or without a leading $.</summary>
    public static double? Dollars(string? text, List<string> errors)
    {
        if (text is null) return null;
        if (double.TryParse(text.TrimStart('$'), NumberStyles.Float, CultureInfo.InvariantCulture, out double dollars) && double.IsFinite(dollars) && dollars >= 0)
            return dollars;
        errors.Add($"--max-cost '{text}' must be an amount of US dollars of 0 or more, e.g. 5 or 0.50");
        return null;
    }

    public static int Port(string? text, List<string> errors)
    {
        if (text is null) return 0;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int port) && port is >= 0 and <= 65535) return port;
        errors.Add($"--port '{text}' must be a port number from 0 to 65535.");
        return 0;
    }
}
