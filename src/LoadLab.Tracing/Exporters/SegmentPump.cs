using System.Collections.Concurrent;
using LoadLab.Tracing.Segments;

namespace LoadLab.Tracing.Exporters;

/// <summary>
/// The bounded queue between the load path and the exporter, and the one thread that builds and sends segments.
/// The load path never waits: when the queue is full the segment is dropped and counted. A dedicated thread, not the
/// thread pool, because exports block (OTLP over HTTP) and the engine's workers live on the pool.
/// </summary>
internal sealed class SegmentPump
{
    private const int MaxBatch = 64;

    private readonly BlockingCollection<KeptOperation> queue;
    private readonly ISegmentExporter exporter;
    private readonly Func<KeptOperation, SegmentNode> build;
    private readonly ExportCounters counters;
    private readonly Thread thread;
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool abandon;

    public SegmentPump(ISegmentExporter exporter, Func<KeptOperation, SegmentNode> build, ExportCounters counters, int capacity)
    {
        this.exporter = exporter;
        this.build = build;
        this.counters = counters;
        queue = new BlockingCollection<KeptOperation>(new ConcurrentQueue<KeptOperation>(), capacity);
        thread = new Thread(Run) { IsBackground = true, Name = "LoadLab trace export" };
        thread.Start();
    }

    /// <summary>Queues a kept operation; false (and counted) when the queue is full or closed.</summary>
    public bool TryEnqueue(KeptOperation operation)
    {
        bool added;
        try
        {
            added = queue.TryAdd(operation);
        }
        catch (InvalidOperationException)
        {
            added = false; // Completed: the run is ending.
        }

        if (!added)
            counters.OnQueueFull();
        return added;
    }

    /// <summary>Stops taking segments and waits up to <paramref name="timeout"/> for the queued ones to be sent; returns false on timeout.</summary>
    public async Task<bool> CompleteAsync(TimeSpan timeout)
    {
        queue.CompleteAdding();
        try
        {
            await finished.Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            // The thread is stuck in a slow export; let it finish in the background and drop what is left.
            abandon = true;
            return false;
        }
    }

    private void Run()
    {
        var batch = new List<SegmentNode>(MaxBatch);
        try
        {
            foreach (var first in queue.GetConsumingEnumerable())
            {
                if (abandon)
                    break;
                Add(batch, first);
                while (batch.Count < MaxBatch && queue.TryTake(out var next))
                    Add(batch, next);
                if (batch.Count > 0)
                    exporter.Export(batch, counters);
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            // An exporter bug must not take the process down; the summary shows it and the rest count as dropped.
            counters.OnError("trace export stopped: " + e.GetType().Name + ": " + e.Message);
        }
        finally
        {
            // The queue is not disposed: a late TryEnqueue from an operation still finishing must see "completed", not a disposed object.
            exporter.Dispose();
            finished.TrySetResult();
        }
    }

    private void Add(List<SegmentNode> batch, KeptOperation operation)
    {
        try
        {
            batch.Add(build(operation));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            counters.OnError("a segment could not be built: " + e.Message);
        }
    }
}
