using LoadLab.Tracing.Exporters;
using LoadLab.Tracing.Segments;

namespace LoadLab.UnitTests.Tracing.Support;

/// <summary>Keeps exported segments and the datagrams the daemon exporter would send for them.</summary>
internal sealed class MemoryExporter(int maxDatagramBytes = SegmentDocumentWriter.DefaultMaxDatagramBytes) : ISegmentExporter
{
    private readonly SegmentDocumentWriter writer = new(maxDatagramBytes);
    private readonly List<SegmentNode> segments = [];
    private readonly List<byte[]> datagrams = [];
    private readonly Lock gate = new();

    public string Destination => "memory";

    public IReadOnlyList<SegmentNode> Segments
    {
        get { lock (gate) return segments.ToArray(); }
    }

    public IReadOnlyList<byte[]> Datagrams
    {
        get { lock (gate) return datagrams.ToArray(); }
    }

    public void Export(IReadOnlyList<SegmentNode> batch, ExportCounters counters)
    {
        lock (gate)
        {
            foreach (var segment in batch)
            {
                segments.Add(segment);
                int n = writer.WriteDatagrams(segment, d => datagrams.Add(d.ToArray()));
                counters.OnSent(1, n);
            }
        }
    }

    public void Dispose()
    {
    }
}
