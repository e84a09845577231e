using System.Security.Cryptography;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>Request ids in DynamoDB's format: 52 characters from [A-Z0-9].</summary>
internal static class RequestIds
{
    public const int Length = 52;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
