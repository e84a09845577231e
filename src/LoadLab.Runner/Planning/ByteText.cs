using System.Globalization;

namespace LoadLab.Runner.Planning;

/// <summary>Byte counts for people: 812 B, 1.4 KB, 23.5 MB, 1.2 GB (1 KB = 1,024 bytes, as DynamoDB counts).</summary>
public static class ByteText
{
    public static string Format(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {units[unit]}");
    }
}
