using LoadLab.Capacity.Model;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>
/// Calls <see cref="ICapacityModel.Tick"/> on the proxy's <see cref="TimeProvider"/>, because the model
/// never starts a thread: without it, per-second metrics and auto scaling would stand still while no
/// traffic arrives. On a fake clock it fires as the test advances time.
/// </summary>
internal sealed class ModelTicker : IDisposable
{
    private readonly ICapacityModel model;
    private readonly ITimer? timer;
    private int running;

    public ModelTicker(ICapacityModel model, TimeProvider time, TimeSpan interval)
    {
        this.model = model;
        if (interval > TimeSpan.Zero)
            timer = time.CreateTimer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Ticks the model failed (kept for diagnosis; a failing tick must not take the proxy down).</summary>
    public Exception? LastFailure { get; private set; }

    public void Dispose() => timer?.Dispose();

    private void Tick()
    {
        // A slow tick is not stacked under the next one.
        if (Interlocked.Exchange(ref running, 1) == 1)
            return;
        try
        {
            model.Tick();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastFailure = ex;
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }
}
