using System.Text.Json;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// Defensive reads of request and response JSON: a member of the wrong kind reads as absent, so garbled
/// input can never throw from deep inside the cost rules. Where a value is required, the caller throws
/// <see cref="RequestShapeException"/>.
/// </summary>
internal static class JsonRead
{
    public static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Array(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    public static string? String(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool Bool(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.True };

    public static double? Number(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out double number) ? number : null;

    public static JsonElement RequireObject(JsonElement element, string name) =>
        Object(element, name) ?? throw new RequestShapeException($"{name} must be an object.");

    public static string RequireString(JsonElement element, string name) =>
        String(element, name) is { Length: > 0 } value ? value : throw new RequestShapeException($"{name} must be a non-empty string.");
}

/// <summary>The request does not have the shape the proxy needs to price it; it is forwarded uncharged for the emulator to judge.</summary>
internal sealed class RequestShapeException : Exception
{
    public RequestShapeException()
    {
    }

    public RequestShapeException(string message)
        : base(message)
    {
    }

    public RequestShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
