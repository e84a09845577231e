using System.Text.Json;
using LoadLab.Capacity.Proxy.Sizing;

namespace LoadLab.Capacity.Proxy.Validation;

/// <summary>
/// One AttributeValue (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html)
/// checked the way DynamoDB checks it: exactly one data type, numbers DynamoDB can store, NULL only true, no
/// null members anywhere inside. The messages are DynamoDB's (the ones dynalite copied, and for a null value
/// the one AWS's DynamoDB Local gives). A value of the wrong JSON kind (<c>{"S": 5}</c>) is left alone: the
/// emulator answers that with DynamoDB's SerializationException and survives it.
/// </summary>
internal static partial class AttributeValueCheck
{
    public const string NullValue = "The supplied Item contains a null AttributeValue";
    public const string Empty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    public const string MoreThanOne = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
    public const string NullFalse = "One or more parameter values were invalid: Null attribute value types must have the value of true";
    public const string NotNumeric = "The parameter cannot be converted to a numeric value";
    public const string Overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    public const string Underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    public const string TooPrecise = "Attempting to store more than 38 significant digits in a Number";

    // DynamoDB's number limits: 38 significant digits, magnitudes 1E-130 to 9.99…E+125.
    private const int MaxDigits = 38;
    private const int MaxExponent = 125;
    private const int MinExponent = -130;

    private static readonly string[] Types = ["S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"];

    /// <summary>Null when the value is acceptable, else DynamoDB's ValidationException message.</summary>
    public static string? Problem(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return NullValue;
        if (value.ValueKind != JsonValueKind.Object)
            return null; // SerializationException territory: the emulator answers it.

        string? type = null;
        JsonElement content = default;
        foreach (var member in value.EnumerateObject())
        {
            // Like DynamoDB, a member set to null counts as absent, and so does a name that is no data type.
            if (member.Value.ValueKind == JsonValueKind.Null || TypeOf(member) is not { } name)
                continue;
            if (type is not null)
                return MoreThanOne;
            type = name;
            content = member.Value;
        }

        return type switch
        {
            null => Empty,
            "N" => content.ValueKind == JsonValueKind.String ? NumberProblem(content.GetString()!) : null,
            "NULL" => content.ValueKind == JsonValueKind.False ? NullFalse : null,
            "SS" or "NS" or "BS" => SetProblem(type, content),
            "M" => content.ValueKind == JsonValueKind.Object ? MapProblem(content) : null,
            "L" => content.ValueKind == JsonValueKind.Array ? ListProblem(content) : null,
            _ => null,
        };
    }

    /// <summary>Every value of an attribute map (an item, a key, ExpressionAttributeValues…).</summary>
    public static string? MapProblem(JsonElement map)
    {
        foreach (var attribute in map.EnumerateObject())
        {
            if (Problem(attribute.Value) is { } problem)
                return problem;
        }

        return null;
    }

    public static string? ListProblem(JsonElement list)
    {
        foreach (var element in list.EnumerateArray())
        {
            if (Problem(element) is { } problem)
                return problem;
        }

        return null;
    }

    public static string? NumberProblem(string text)
    {
        if (text.Length == 0)
            return NotNumeric;
        // The grammar first, as strict as the emulator's number parser (no spaces, no '+'), so nothing
        // this lets through can throw inside the emulator; then digits and magnitude.
        if (!NumberGrammar().IsMatch(text))
            return NotNumeric + ": " + text;
        var number = DynamoNumber.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        if (!number.Valid)
            return NotNumeric + ": " + text;
        if (number.DigitCount == 0)
            return null;
        if (number.Exponent > MaxExponent)
            return Overflow;
        if (number.Exponent < MinExponent)
            return Underflow;
        return number.DigitCount > MaxDigits ? TooPrecise : null;
    }

    private static string? SetProblem(string type, JsonElement set)
    {
        if (set.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var member in set.EnumerateArray())
        {
            if (member.ValueKind == JsonValueKind.Null)
                return $"One or more parameter values were invalid: An {SetNoun(type)} set may not have a null {SetNoun(type)} as a member";
            if (type == "NS" && member.ValueKind == JsonValueKind.String && NumberProblem(member.GetString()!) is { } problem)
                return problem;
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumberGrammar();

    /// <summary>The data type a member names (compared in place: no string per member on the hot path), or null.</summary>
    private static string? TypeOf(JsonProperty member)
    {
        foreach (string type in Types)
        {
            if (member.NameEquals(type))
                return type;
        }

        return null;
    }

    private static string SetNoun(string type) => type switch
    {
        "SS" => "string",
        "NS" => "number",
        _ => "binary",
    };
}
