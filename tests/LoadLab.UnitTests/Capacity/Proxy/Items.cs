namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>
/// DynamoDB JSON items of known size for the Orders table: pk (2 + len) + sk (2 + len) + payload (7 + n)
/// + status (6 + len) when given.
/// </summary>
internal static class Items
{
    public static string Item(string pk, string sk, int payload = 0, string? status = null) =>
        "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"S\":\"" + sk + "\"}"
        + (payload > 0 ? ",\"payload\":{\"S\":\"" + new string('x', payload) + "\"}" : string.Empty)
        + (status is null ? string.Empty : ",\"status\":{\"S\":\"" + status + "\"}")
        + "}";

    public static string Key(string pk, string sk) => Item(pk, sk);

    public static int Size(string pk, string sk, int payload = 0, string? status = null) =>
        2 + pk.Length + 2 + sk.Length + (payload > 0 ? 7 + payload : 0) + (status is null ? 0 : 6 + status.Length);

    public static string Put(string item, string extra = "") => "{\"TableName\":\"Orders\",\"Item\":" + item + extra + "}";
}
