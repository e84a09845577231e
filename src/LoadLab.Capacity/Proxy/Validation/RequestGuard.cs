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
    /// <remarks>
    /// Hot path: the first walk compares member names in place and builds no paths, so a clean request
    /// allocates nothing here; only a request with a problem is walked again to name where it is.
    /// </remarks>
    public static string? Problem(JsonElement request) =>
        new Walk(describe: false).Structure(request, string.Empty) is null ? null : new Walk(describe: true).Structure(request, string.Empty);

    private readonly struct Walk(bool describe)
    {
        /// <summary>False on the first, allocation-free walk; true on the walk that names the path of a problem.</summary>
        public bool Describe { get; } = describe;
        public string? Structure(JsonElement structure, string path)
        {
            foreach (var member in structure.EnumerateObject())
            {
                var value = member.Value;
                if (value.ValueKind == JsonValueKind.Null)
                    continue;
                string at = Describe ? Join(path, member.Name) : string.Empty;
                string? problem = value.ValueKind switch
                {
                    JsonValueKind.Object when IsOneOf(member, AttributeMaps) => AttributeValueCheck.MapProblem(value),
                    JsonValueKind.Object when IsOneOf(member, ConditionMaps) => Conditions(value, at),
                    JsonValueKind.Object when member.NameEquals("RequestItems") => MapOf(value, at, static (w, v, p) => w.Any(v, p)),
                    JsonValueKind.Array when member.NameEquals("Keys") => Keys(value, at),
                    JsonValueKind.Array when member.NameEquals("Parameters") => AttributeValueCheck.ListProblem(value),
                    JsonValueKind.Array when member.NameEquals("Tags") => Tags(value, at),
                    _ => Any(value, at),
                };
                if (problem is not null)
                    return problem;
            }

            return null;
        }

        /// <summary>A member DynamoDB's model gives no special meaning here: structures and lists all the way down.</summary>
        public string? Any(JsonElement value, string path) => value.ValueKind switch
        {
            JsonValueKind.Object => Structure(value, path),
            JsonValueKind.Array => ListOf(value, path, static (w, v, p) => w.Any(v, p)),
            _ => null,
        };

        private string? Conditions(JsonElement map, string path) => MapOf(map, path, static (_, condition, _) =>
        {
            if (condition.ValueKind != JsonValueKind.Object)
                return null;
            if (condition.TryGetProperty("Value", out var single) && single.ValueKind != JsonValueKind.Null && AttributeValueCheck.Problem(single) is { } problem)
                return problem;
            return condition.TryGetProperty("AttributeValueList", out var list) && list.ValueKind == JsonValueKind.Array
                ? AttributeValueCheck.ListProblem(list)
                : null;
        });

        private string? Keys(JsonElement keys, string path) =>
            ListOf(keys, path, static (_, key, _) => key.ValueKind == JsonValueKind.Object ? AttributeValueCheck.MapProblem(key) : null);

        /// <summary>Tag.Key and Tag.Value are required; dynalite stores a tag without them and then fails writing it.</summary>
        private string? Tags(JsonElement tags, string path) => ListOf(tags, path, static (w, tag, at) =>
        {
            if (tag.ValueKind != JsonValueKind.Object)
                return null;
            foreach (string required in TagMembers)
            {
                if (!tag.TryGetProperty(required, out var value) || value.ValueKind == JsonValueKind.Null)
                    return MustNotBeNull(w.Describe ? Join(at, required) : string.Empty);
            }

            return null;
        });

        private string? ListOf(JsonElement list, string path, Func<Walk, JsonElement, string, string?> element)
        {
            int position = 0;
            foreach (var item in list.EnumerateArray())
            {
                position++;
                string at = Describe ? path + "." + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".member" : string.Empty;
                if (item.ValueKind == JsonValueKind.Null)
                    return MustNotBeNull(at);
                if (element(this, item, at) is { } problem)
                    return problem;
            }

            return null;
        }

        private string? MapOf(JsonElement map, string path, Func<Walk, JsonElement, string, string?> value)
        {
            foreach (var entry in map.EnumerateObject())
            {
                string at = Describe ? path + "." + entry.Name + ".member" : string.Empty;
                if (entry.Value.ValueKind == JsonValueKind.Null)
                    return MustNotBeNull(at);
                if (value(this, entry.Value, at) is { } problem)
                    return problem;
            }

            return null;
        }
    }

    private static readonly string[] TagMembers = ["Key", "Value"];

    private static bool IsOneOf(JsonProperty member, string[] names)
    {
        foreach (string name in names)
        {
            if (member.NameEquals(name))
                return true;
        }

        return false;
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
