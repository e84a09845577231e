using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace LoadLab.UnitTests.DynamoDb;

/// <summary>A canonical text form of an item (attributes sorted, type-tagged values), for byte-exact comparisons.</summary>
internal static class ItemText
{
    public static string Of(Dictionary<string, AttributeValue> item)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in item.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(name).Append('=').Append(Value(value)).Append('\n');
        return text.ToString();
    }

    private static string Value(AttributeValue v) =>
        v.S is not null ? "S:" + v.S
        : v.N is not null ? "N:" + v.N
        : v.B is not null ? "B:" + Convert.ToHexString(v.B.ToArray())
        : v.BOOL is { } b ? "BOOL:" + b.ToString(CultureInfo.InvariantCulture)
        : "?";
}
