using LoadLab.Tracing.Segments;

namespace LoadLab.Tracing.Exporters;

/// <summary>Sends built segments somewhere. Called from the one export thread only, never from the load path.</summary>
internal interface ISegmentExporter : IDisposable
{
    /// <summary>Where segments go, for messages and the run summary, e.g. <c>udp://127.0.0.1:2000</c>.</summary>
    string Destination { get; }

    /// <summary>Sends a batch; records every segment as sent or failed in <paramref name="counters"/>.</summary>
    void Export(IReadOnlyList<SegmentNode> batch, ExportCounters counters);
}
