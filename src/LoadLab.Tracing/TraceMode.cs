namespace LoadLab.Tracing;

/// <summary>Where traces go. <see cref="Off"/> builds no tracing objects at all.</summary>
public enum TraceMode
{
    Off,

    /// <summary>Segment documents over UDP to the X-Ray daemon or the CloudWatch agent.</summary>
    XRay,

    /// <summary>Spans over OTLP to a collector or the CloudWatch agent (AWS's recommended path).</summary>
    Otlp,
}

public static class TraceModes
{
    /// <summary>The names accepted on the command line, in <see cref="TraceMode"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(["off", "xray", "otlp"]);

    public static string Name(this TraceMode mode) => Names[(int)mode];

    public static bool TryParse(string text, out TraceMode mode)
    {
        int index = Names.IndexOf(text);
        mode = index < 0 ? TraceMode.Off : (TraceMode)index;
        return index >= 0;
    }

    private static int IndexOf(this IReadOnlyList<string> names, string text)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }
}
