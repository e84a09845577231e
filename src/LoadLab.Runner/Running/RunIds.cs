using System.Security.Cryptography;

namespace LoadLab.Runner.Running;

/// <summary>Run ids sort by time and stay unique when runs start in the same second.</summary>
internal static class RunIds
{
    public static string New(string suiteName, DateTimeOffset now)
    {
        string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        string safe = new(suiteName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{safe}-{suffix}";
    }
}
