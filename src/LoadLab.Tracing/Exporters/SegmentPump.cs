using System.Collections.Concurrent;
using LoadLab.Tracing.Segments;

namespace LoadLab.Tracing.Exporters;

/// <summary>
/// The bounded queue between the load path and the exporter, and the one thread that builds and sends segments.
/// The load path never waits and never signals: it counts, enqueues, and when the queue is full drops and counts.
/// The export thread polls, so a traced operation costs the load path two interlocked operations and an enqueue.
/// A dedicated thread, not the thread pool, because exports block (OTLP over HTTP) and the engine's workers live
/// on the pool.
/// </summary>
internal sealed class SegmentPump
{
    private const int MaxBatch = 64;

    // Traces are not urgent: a segment may wait this long before it is sent, in exchange for no signalling cost.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentQueue<KeptOperation> queue = new();
    private readonly int capacity;
    private readonly ISegmentExporter exporter;
    private readonly Func<KeptOperation, SegmentNode> build;
    private readonly ExportCounters counters;
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int queued;
    private volatile bool completing;
    private volatile bool abandon;

    public SegmentPump(ISegmentExporter exporter, Func<KeptOperation, SegmentNode> build, ExportCounters counters, int capacity)
    {
        this.exporter = exporter;
        this.build = build;
        this.counters = counters;
        this.capacity = capacity;
        new Thread(Run) { IsBackground = true, Name = "LoadLab trace export" }.Start();
    }

    /// <summary>Queues a kept operation; false (and counted) when the queue is full or closed.</summary>
    public bool TryEnqueue(KeptOperation operation)
    {
        if (completing || Interlocked.Increment(ref queued) > capacity)
        {
            if (!completing)
                Interlocked.Decrement(ref queued);
            counters.OnQueueFull();
            return false;
        }

        queue.Enqueue(operation);
        return true;
    }

    /// <summary>Stops taking segments and waits up to <paramref name="timeout"/> for the queued ones to be sent; returns false on timeout.</summary>
    public async Task<bool> CompleteAsync(TimeSpan timeout)
    {
        completing = true;
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
            while (!abandon)
            {
                // Read before draining: once completing is seen, everything enqueued before it is in the queue.
                bool last = completing;
                while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
                {
                    Interlocked.Decrement(ref queued);
                    Add(batch, next);
                }

                if (batch.Count > 0)
                {
                    exporter.Export(batch, counters);
                    batch.Clear();
                    continue;
                }

                if (last)
                    break;
                Thread.Sleep(PollInterval);
            }
        }
        catch (Exception e)
        {
            // An exporter bug must not take the process down; the summary shows it and the rest count as dropped.
            counters.OnError("trace export stopped: " + e.GetType().Name + ": " + e.Message);
        }
        finally
        {
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
