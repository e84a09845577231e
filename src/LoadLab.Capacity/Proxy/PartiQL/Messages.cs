namespace LoadLab.Capacity.Proxy.PartiQL;

/// <summary>
/// The ValidationException texts of PartiQL: DynamoDB's own wording where DynamoDB has one (malformed
/// statements, missing key equality, parameter count), and for what the local target leaves out a message
/// that names what it supports.
/// </summary>
internal static class Messages
{
    /// <summary>The statement forms the local target runs (docs/local-dynamodb.md, PartiQL).</summary>
    public const string Supported =
        "SELECT * | a, b FROM \"table\"[.\"index\"] WHERE pk = ? [AND sk = ? | sk < ? | sk BETWEEN ? AND ? | begins_with(sk, ?)]; "
        + "INSERT INTO \"table\" VALUE {'pk': ?, ...}; "
        + "UPDATE \"table\" SET a = ? [, b = ?] [REMOVE c] WHERE pk = ? [AND sk = ?] [AND other conditions]; "
        + "DELETE FROM \"table\" WHERE pk = ? [AND sk = ?] [AND other conditions]";

    public const string MissingKeyEquality = "Where clause does not contain a mandatory equality on all key attributes";

    public const string ParameterCount = "Number of parameters in request and statement don't match.";

    public static string Malformed(string detail) => "Statement wasn't well formed, can't be processed: " + detail;

    public static string Unsupported(string what) =>
        $"The local DynamoDB (LoadLab's capacity simulator) does not support {what} in PartiQL. Supported forms: {Supported}.";
}
