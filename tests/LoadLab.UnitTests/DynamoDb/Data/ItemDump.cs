using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

/// <summary>A canonical text of an item of any attribute types (maps sorted by key), for byte-exact comparisons.</summary>
internal static class ItemDump
{
    public static string Of(Dictionary<string, AttributeValue> item)
    {
        var text = new StringBuilder();
        Map(text, item);
        return text.ToString();
    }

    private static void Map(StringBuilder text, Dictionary<string, AttributeValue> map)
    {
        text.Append('{');
        foreach (var (name, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=');
            Value(text, value);
            text.Append(';');
        }

        text.Append('}');
    }

    private static void Value(StringBuilder text, AttributeValue v)
    {
        if (v.S is not null)
            text.Append("S:").Append(v.S);
        else if (v.N is not null)
            text.Append("N:").Append(v.N);
        else if (v.B is not null)
            text.Append("B:").Append(Convert.ToHexString(v.B.ToArray()));
        else if (v.BOOL is { } b)
            text.Append("BOOL:").Append(b.ToString(CultureInfo.InvariantCulture));
        else if (v.M is { } map && (v.IsMSet || map.Count > 0))
            Map(text.Append("M:"), map);
        else if (v.L is { } list && (v.IsLSet || list.Count > 0))
        {
            text.Append("L:[");
            foreach (var element in list)
            {
                Value(text, element);
                text.Append(',');
            }

            text.Append(']');
        }
        else if (v.SS is { Count: > 0 })
            text.Append("SS:").AppendJoin(',', v.SS);
        else if (v.NS is { Count: > 0 })
            text.Append("NS:").AppendJoin(',', v.NS);
        else if (v.BS is { Count: > 0 })
            text.Append("BS:").AppendJoin(',', v.BS.Select(b => Convert.ToHexString(b.ToArray())));
        else
            text.Append("NULL");
    }
}
