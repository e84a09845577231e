using System.Net;
using System.Net.Sockets;
using LoadLab.Tracing.Segments;

namespace LoadLab.Tracing.Exporters;

/// <summary>
/// Sends segment documents to the X-Ray daemon (or the CloudWatch agent) over UDP: one datagram per document, the
/// documented header line first, documents above the size limit split into the segment and its subsegments
/// (docs/tracing.md §6). One connected socket for the run; a refused send is counted, never thrown.
/// </summary>
internal sealed class XRayUdpExporter : ISegmentExporter
{
    private readonly Socket socket;
    private readonly SegmentDocumentWriter writer;

    private XRayUdpExporter(Socket socket, DaemonAddress address, int maxDatagramBytes)
    {
        this.socket = socket;
        Address = address;
        writer = new SegmentDocumentWriter(maxDatagramBytes);
    }

    public DaemonAddress Address { get; }

    public string Destination => Address.ToString();

    /// <summary>Resolves the address and connects the socket (UDP: no packet is sent).</summary>
    /// <exception cref="TracingDestinationException">The host does not resolve or the socket cannot be set up.</exception>
    public static XRayUdpExporter Open(DaemonAddress address, int maxDatagramBytes = SegmentDocumentWriter.DefaultMaxDatagramBytes)
    {
        ArgumentNullException.ThrowIfNull(address);
        IPAddress ip = Resolve(address);
        var socket = new Socket(ip.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Connect(new IPEndPoint(ip, address.Port));
            return new XRayUdpExporter(socket, address, maxDatagramBytes);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TracingDestinationException($"cannot open a UDP socket to {address}: {e.SocketErrorCode}", e);
        }
    }

    /// <summary>
    /// For a daemon on this machine: whether something is bound to the address. Binding it ourselves succeeds only
    /// when nobody listens, and sends nothing. Null when the address is not local and so cannot be checked.
    /// </summary>
    public bool? IsListenerPresent()
    {
        if (socket.RemoteEndPoint is not IPEndPoint remote || !IsLocal(remote.Address))
            return null;
        using var probe = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            probe.Bind(remote);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    public void Export(IReadOnlyList<SegmentNode> batch, ExportCounters counters)
    {
        foreach (var segment in batch)
        {
            try
            {
                int documents = writer.WriteDatagrams(segment, datagram => socket.Send(datagram.Span));
                counters.OnSent(1, documents);
            }
            catch (SocketException e)
            {
                // Typically ConnectionRefused: the ICMP "port unreachable" of an earlier datagram, reported on this send.
                counters.OnSendFailed($"UDP send to {Destination} failed: {e.SocketErrorCode}");
            }
        }
    }

    public void Dispose() => socket.Dispose();

    private static IPAddress Resolve(DaemonAddress address)
    {
        if (IPAddress.TryParse(address.Host, out var ip))
            return ip;
        try
        {
            var addresses = Dns.GetHostAddresses(address.Host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new TracingDestinationException($"daemon host '{address.Host}' has no address");
        }
        catch (SocketException e)
        {
            throw new TracingDestinationException($"daemon host '{address.Host}' does not resolve: {e.SocketErrorCode}", e);
        }
    }

    private static bool IsLocal(IPAddress ip) =>
        IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any);
}
