namespace LoadLab.Core.Scheduling;

/// <summary>
/// Closed-model arithmetic for a worker ramp: worker i (0-based) is active while the target worker
/// count, rounded down, is above i. Each worker computes its own window once instead of polling.
/// </summary>
public static class WorkerSchedule
{
    /// <summary>Number of workers active at <paramref name="seconds"/> into a ramp from <paramref name="from"/> to <paramref name="to"/> over <paramref name="length"/> seconds.</summary>
    public static int ActiveAt(int from, int to, double length, double seconds)
    {
        if (length <= 0 || seconds >= length) return to;
        if (seconds <= 0) return from;
        return (int)Math.Floor(from + ((to - from) * seconds / length) + 1e-9);
    }

    /// <summary>
    /// The part of the ramp, in seconds from its start, during which worker <paramref name="index"/> is active;
    /// null when it is never active.
    /// </summary>
    public static (double Start, double End)? ActiveWindow(int from, int to, double length, int index)
    {
        int peak = Math.Max(from, to);
        if (index >= peak) return null;
        if (to == from || length <= 0) return (0, length);
        if (to > from)
        {
            // Active once from + (to − from)·t/L ≥ index + 1.
            double start = index < from ? 0 : length * (index + 1 - from) / (to - from);
            return (start, length);
        }

        // Shrinking: active while from − (from − to)·t/L ≥ index + 1.
        double end = index < to ? length : length * (from - (index + 1)) / (from - to);
        return (0, end);
    }
}
