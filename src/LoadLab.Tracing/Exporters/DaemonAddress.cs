using System.Globalization;
using System.Net;

namespace LoadLab.Tracing.Exporters;

/// <summary>
/// The UDP address of the X-Ray daemon, parsed from AWS_XRAY_DAEMON_ADDRESS the way the X-Ray SDKs do:
/// <c>host:port</c> (both protocols) or <c>tcp:host:port udp:host:port</c> in either order. IPv6 hosts go in brackets.
/// </summary>
public sealed record DaemonAddress(string Host, int Port)
{
    public static readonly DaemonAddress Default = new("127.0.0.1", 2000);

    public override string ToString() => "udp://" + (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DaemonAddress address, out string error)
    {
        address = Default;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the address is empty";
            return false;
        }

        string? udp = null;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && !parts[0].StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) && !parts[0].StartsWith("udp:", StringComparison.OrdinalIgnoreCase))
        {
            udp = parts[0];
        }
        else
        {
            foreach (var part in parts)
            {
                if (part.StartsWith("udp:", StringComparison.OrdinalIgnoreCase))
                    udp = part[4..];
                else if (!part.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
                    udp = null;
            }

            if (udp is null || parts.Length != 2)
            {
                error = $"'{text}' is neither host:port nor 'tcp:host:port udp:host:port'";
                return false;
            }
        }

        return TryParseHostPort(udp, out address, out error);
    }

    private static bool TryParseHostPort(string text, out DaemonAddress address, out string error)
    {
        address = Default;
        error = string.Empty;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"'{text}' has no port; write host:port, e.g. 127.0.0.1:2000";
            return false;
        }

        string host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            error = $"'{text}': put an IPv6 address in brackets, e.g. [::1]:2000";
            return false;
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > IPEndPoint.MaxPort)
        {
            error = $"'{text}': the port must be a number from 1 to 65535";
            return false;
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            error = $"'{text}' has no host";
            return false;
        }

        address = new DaemonAddress(host, port);
        return true;
    }
}
