namespace LoadLab.Tracing.Exemplars;

/// <summary>Links to a trace in the X-Ray console (now part of CloudWatch), in the region's partition.</summary>
public static class ConsoleUrls
{
    public static string ForTrace(string region, string traceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(traceId);
        string host = region.StartsWith("cn-", StringComparison.Ordinal) ? $"{region}.console.amazonaws.cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? $"{region}.console.amazonaws-us-gov.com"
            : $"{region}.console.aws.amazon.com";
        return $"https://{host}/cloudwatch/home?region={Uri.EscapeDataString(region)}#xray:traces/{Uri.EscapeDataString(traceId)}";
    }
}
