using System.Text.Json;

namespace LoadLab.Capacity.Proxy.Validation;

/// <summary>
/// Refuses, with DynamoDB's ValidationException, what the emulator cannot survive. dynalite keeps JSON nulls
/// that sit in lists and maps and then throws on them outside its error handling, which ends the process
/// (a PutItem with <c>"x": null</c> was enough); it also never checks the values of legacy conditions
/// (<c>Expected</c>), where a malformed number throws the same way. So every AttributeValue of a request is
/// checked (<see cref="AttributeValueCheck"/>), and a null is refused wherever DynamoDB's model has a list
/// member or a map value. A null member of a structure is left alone: DynamoDB reads it as absent.
/// Everything else goes on to the emulator, whose messages already are DynamoDB's.
/// </summary>
internal static class RequestGuard
{
    // Members whose values are AttributeValues, keyed by attribute name or placeholder.
    private static readonly string[] AttributeMaps = ["Item", "Key", "ExclusiveStartKey", "ExpressionAttributeValues"];

    // Members whose values are conditions or updates carrying Value / AttributeValueList.
    private static readonly string[] ConditionMaps = ["Expected", "AttributeUpdates", "KeyConditions", "QueryFilter", "ScanFilter"];

    /// <summary>Null when nothing in the request can harm the emulator, else the ValidationException message.</summary>
    public static string? Problem(JsonElement request) => Structure(request, string.Empty);

    private static string? Structure(JsonElement structure, string path)
    {
        foreach (var member in structure.EnumerateObject())
        {
            var value = member.Value;
            if (value.ValueKind == JsonValueKind.Null)
                continue;
            string at = Join(path, member.Name);
            string? problem = member.Name switch
            {
                _ when value.ValueKind == JsonValueKind.Object && Array.IndexOf(AttributeMaps, member.Name) >= 0 => AttributeValueCheck.MapProblem(value),
                _ when value.ValueKind == JsonValueKind.Object && Array.IndexOf(ConditionMaps, member.Name) >= 0 => Conditions(value, at),
                "Keys" when value.ValueKind == JsonValueKind.Array => Keys(value, at),
                "Parameters" when value.ValueKind == JsonValueKind.Array => AttributeValueCheck.ListProblem(value),
                "RequestItems" when value.ValueKind == JsonValueKind.Object => MapOf(value, at, Any),
                "Tags" when value.ValueKind == JsonValueKind.Array => Tags(value, at),
                _ => Any(value, at),
            };
            if (problem is not null)
                return problem;
        }

        return null;
    }

    /// <summary>A member DynamoDB's model gives no special meaning here: structures and lists all the way down.</summary>
    private static string? Any(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Object => Structure(value, path),
        JsonValueKind.Array => ListOf(value, path, Any),
        _ => null,
    };

    private static string? Conditions(JsonElement map, string path) => MapOf(map, path, (condition, at) =>
    {
        if (condition.ValueKind != JsonValueKind.Object)
            return null;
        if (condition.TryGetProperty("Value", out var single) && single.ValueKind != JsonValueKind.Null && AttributeValueCheck.Problem(single) is { } problem)
            return problem;
        return condition.TryGetProperty("AttributeValueList", out var list) && list.ValueKind == JsonValueKind.Array
            ? AttributeValueCheck.ListProblem(list)
            : null;
    });

    private static string? Keys(JsonElement keys, string path) =>
        ListOf(keys, path, (key, _) => key.ValueKind == JsonValueKind.Object ? AttributeValueCheck.MapProblem(key) : null);

    /// <summary>Tag.Key and Tag.Value are required; dynalite stores a tag without them and then fails writing it.</summary>
    private static string? Tags(JsonElement tags, string path) => ListOf(tags, path, (tag, at) =>
    {
        if (tag.ValueKind != JsonValueKind.Object)
            return null;
        foreach (string required in (string[])["Key", "Value"])
        {
            if (!tag.TryGetProperty(required, out var value) || value.ValueKind == JsonValueKind.Null)
                return MustNotBeNull(Join(at, required));
        }

        return null;
    });

    private static string? ListOf(JsonElement list, string path, Func<JsonElement, string, string?> element)
    {
        int position = 0;
        foreach (var item in list.EnumerateArray())
        {
            position++;
            string at = path + "." + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".member";
            if (item.ValueKind == JsonValueKind.Null)
                return MustNotBeNull(at);
            if (element(item, at) is { } problem)
                return problem;
        }

        return null;
    }

    private static string? MapOf(JsonElement map, string path, Func<JsonElement, string, string?> value)
    {
        foreach (var entry in map.EnumerateObject())
        {
            string at = path + "." + entry.Name + ".member";
            if (entry.Value.ValueKind == JsonValueKind.Null)
                return MustNotBeNull(at);
            if (value(entry.Value, at) is { } problem)
                return problem;
        }

        return null;
    }

    /// <summary>DynamoDB's constraint wording, with the member path in its lower-camel form.</summary>
    private static string MustNotBeNull(string path) =>
        $"1 validation error detected: Value null at '{path}' failed to satisfy constraint: Member must not be null";

    private static string Join(string path, string member)
    {
        string name = member.Length > 0 ? char.ToLowerInvariant(member[0]) + member[1..] : member;
        return path.Length == 0 ? name : path + "." + name;
    }
}
