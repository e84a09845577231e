using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace LoadLab.DynamoDb.Client;

/// <summary>SDK facts that belong in a run's results, so two runs can be compared knowing what drove them.</summary>
/// <param name="CoreVersion">AWSSDK.Core version, e.g. <c>4.1.0</c>.</param>
/// <param name="DynamoDbVersion">AWSSDK.DynamoDBv2 version.</param>
/// <param name="RetryMode"><c>standard</c> or <c>adaptive</c>.</param>
/// <param name="MaxAttempts">HTTP attempts per call, the first included.</param>
/// <param name="Timeout">Per-attempt timeout.</param>
/// <param name="MaxConnections">Connections to the endpoint at most; null: no limit.</param>
/// <param name="ConnectTimeout">Connect timeout; null: the SDK's default.</param>
public sealed record SdkInfo(string CoreVersion, string DynamoDbVersion, string RetryMode, int MaxAttempts, TimeSpan Timeout, int? MaxConnections = null, TimeSpan? ConnectTimeout = null)
{
    public static SdkInfo For(DynamoDbTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SdkInfo(
            VersionOf(typeof(AmazonServiceClient).Assembly),
            VersionOf(typeof(AmazonDynamoDBClient).Assembly),
            options.RetryMode == RequestRetryMode.Adaptive ? "adaptive" : "standard",
            options.MaxAttempts,
            options.Timeout,
            options.MaxConnections,
            options.ConnectTimeout);
    }

    /// <summary>
    /// The package version. The AWS assemblies' informational version is a placeholder (<c>1.0.0+commit</c> in 4.1.0)
    /// and their assembly version is pinned to 4.0.0.0, so the file version is the one that names the package.
    /// </summary>
    internal static string VersionOf(Assembly assembly)
    {
        var file = assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version;
        if (file is not null && Version.TryParse(file, out var v))
            return v.Revision > 0 ? v.ToString(4) : v.ToString(3);
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
