using LoadLab.Core.Plans;
using System.Text.RegularExpressions;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a mapping of environment name to settings: the root of environments.yaml, or a suite's
/// <c>environments:</c>. Errors carry the file, line and column like every other suite error.
/// </summary>
internal static partial class EnvironmentsBinder
{
    public const string SsmScheme = "ssm:";

    public static IReadOnlyDictionary<string, EnvironmentPlan> Bind(Node node, string context, SuiteDiagnostics diagnostics)
    {
        var result = new Dictionary<string, EnvironmentPlan>(StringComparer.Ordinal);
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return result;
        var reader = MappingReader.Open(mapping, context, diagnostics);
        foreach (var (key, value) in reader.Entries)
        {
            if (ScalarReader.Choice(key, context, SuiteValues.Environments, diagnostics) is not { } name)
                continue;
            if (BindOne(value, name, $"{context}.{name}", diagnostics) is { } settings)
                result[name] = settings;
        }

        return result;
    }

    private static EnvironmentPlan? BindOne(Node node, string environment, string context, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Fixed(mapping, context, SuiteKeys.Environment, diagnostics);
        return new EnvironmentPlan
        {
            Name = environment,
            Prefix = reader.Optional("prefix") is { } p ? Prefix(p, $"{context}.prefix", diagnostics) : null,
            Profile = reader.Optional("profile") is { } pr ? Literal(pr, $"{context}.profile", diagnostics) : null,
            Region = reader.Optional("region") is { } r ? Checked(r, $"{context}.region", RegionPattern(), "an AWS region such as eu-west-1", diagnostics) : null,
            Endpoint = reader.Optional("endpoint") is { } e ? Endpoint(e, $"{context}.endpoint", diagnostics) : null,
            AccountId = reader.Optional("account") is { } a ? Account(a, environment, $"{context}.account", diagnostics) : null,
        };
    }

    /// <summary>True for an <c>ssm:/path</c> reference.</summary>
    public static bool IsReference(string value) => value.StartsWith(SsmScheme, StringComparison.Ordinal);

    /// <summary>True for a region name such as eu-west-1 or us-gov-west-1.</summary>
    public static bool IsRegion(string value) => RegionPattern().IsMatch(value);

    private static string? Prefix(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var text = Literal(node, what, diagnostics);
        if (text is not null && !PrefixPattern().IsMatch(text))
        {
            diagnostics.Add(node, $"{what}: '{text}' is not a table name prefix; use 1 to 64 of A-Z a-z 0-9 _ - . (e.g. stg_). An empty prefix would let LoadLab touch every table.");
            return null;
        }

        return text;
    }

    // Prefix and profile decide which tables and which credentials: they must be known without asking AWS.
    private static string? Literal(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var text = ScalarReader.Text(node, what, diagnostics);
        if (text is not null && IsReference(text))
        {
            diagnostics.Add(node, $"{what}: cannot come from SSM Parameter Store (it is needed before anything is read from AWS); write the value itself");
            return null;
        }

        return text;
    }

    private static string? Checked(Node node, string what, Regex pattern, string expected, SuiteDiagnostics diagnostics)
    {
        var text = ScalarReader.Text(node, what, diagnostics);
        if (text is null)
            return null;
        if (IsReference(text))
            return Reference(node, text, what, diagnostics);
        if (pattern.IsMatch(text))
            return text;
        diagnostics.Add(node, $"{what}: expected {expected} or an SSM reference such as ssm:/loadlab/staging/region, found '{text}'");
        return null;
    }

    private static string? Endpoint(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var text = ScalarReader.Text(node, what, diagnostics);
        if (text is null)
            return null;
        if (IsReference(text))
            return Reference(node, text, what, diagnostics);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return text;
        diagnostics.Add(node, $"{what}: expected an http(s) URL such as https://dynamodb.eu-west-1.amazonaws.com or an SSM reference, found '{text}'");
        return null;
    }

    private static string? Account(Node node, string environment, string what, SuiteDiagnostics diagnostics)
    {
        if (environment == EnvironmentNames.Local)
        {
            diagnostics.Add(node, $"{what}: local runs never check an AWS account (the embedded target has none); remove it");
            return null;
        }

        return Checked(node, what, AccountPattern(), "a 12-digit AWS account id (quote it to keep leading zeros)", diagnostics);
    }

    private static string? Reference(Node node, string text, string what, SuiteDiagnostics diagnostics)
    {
        if (SsmPathPattern().IsMatch(text))
            return text;
        diagnostics.Add(node, $"{what}: '{text}' is not an SSM parameter reference; write ssm:/path/to/parameter (letters, digits, _ . - /)");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^ssm:/[A-Za-z0-9_.\\-/]{1,1011}$")]
    private static partial Regex SsmPathPattern();
}
