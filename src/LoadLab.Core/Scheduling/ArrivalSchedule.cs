using LoadLab.Core.Plans;

namespace LoadLab.Core.Scheduling;

/// <summary>
/// Open-model arithmetic: arrival k happens at the time t where the integral of the rate from the
/// scenario's start equals k. Intended starts are therefore absolute offsets, never "sleep 1/rate",
/// so a slow operation or a late timer never shifts the schedule (wrk2's lesson, see
/// docs/load-model.md §3). Closed phases contribute no arrivals.
/// </summary>
public sealed class ArrivalSchedule
{
    private readonly Segment[] segments;

    public ArrivalSchedule(IReadOnlyList<LoadPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        segments = new Segment[phases.Count];
        double start = 0, arrivals = 0;
        for (int i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            double length = phase.Duration.TotalSeconds;
            (double from, double to) = phase switch
            {
                RatePhase r => (r.Rate, r.Rate),
                RampPhase r => (r.From, r.To),
                _ => (0d, 0d),
            };
            segments[i] = new Segment(start, length, from, to, arrivals);
            start += length;
            arrivals += (from + to) / 2 * length;
        }

        TotalSeconds = start;
        TotalArrivals = arrivals;
    }

    /// <summary>Length of the whole timeline in seconds.</summary>
    public double TotalSeconds { get; }

    /// <summary>Expected number of arrivals over the whole timeline (the integral of the rate).</summary>
    public double TotalArrivals { get; }

    /// <summary>Number of whole arrivals the schedule makes (arrival k exists when k is below this).</summary>
    public long ArrivalCount => (long)Math.Ceiling(TotalArrivals - 1e-9);

    /// <summary>Expected arrivals between the start and <paramref name="seconds"/> (the integral of the rate).</summary>
    public double ArrivalsBy(double seconds)
    {
        if (seconds <= 0) return 0;
        foreach (var s in segments)
        {
            if (seconds < s.Start + s.Length)
                return s.ArrivalsBefore + s.Integral(seconds - s.Start);
        }

        return TotalArrivals;
    }

    /// <summary>Arrival rate at <paramref name="seconds"/> from the start.</summary>
    public double RateAt(double seconds)
    {
        foreach (var s in segments)
        {
            if (seconds >= s.Start && seconds < s.Start + s.Length)
                return s.RateAt(seconds - s.Start);
        }

        return 0;
    }

    /// <summary>
    /// Offset in seconds of arrival <paramref name="k"/> (0-based), or null when the schedule has no such arrival.
    /// <paramref name="cursor"/> remembers the segment of the previous call so sequential use is O(1).
    /// </summary>
    public double? OffsetOf(long k, ref int cursor)
    {
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k));
        for (; cursor < segments.Length; cursor++)
        {
            var s = segments[cursor];
            double within = k - s.ArrivalsBefore;
            double inSegment = s.Integral(s.Length);
            // Arrival k belongs to this segment when the integral reaches k before the segment ends.
            if (within < inSegment - 1e-9)
                return s.Start + s.TimeOfArrivals(within);
        }

        return null;
    }

    private readonly record struct Segment(double Start, double Length, double From, double To, double ArrivalsBefore)
    {
        private double Slope => Length > 0 ? (To - From) / Length : 0;

        public double RateAt(double t) => From + (Slope * t);

        public double Integral(double t) => (From * t) + (Slope * t * t / 2);

        /// <summary>Inverts <see cref="Integral"/>: the time at which <paramref name="n"/> arrivals have happened.</summary>
        public double TimeOfArrivals(double n)
        {
            if (n <= 0) return 0;
            double a = Slope;
            if (Math.Abs(a) < 1e-12)
                return n / From;
            // a/2 t² + From t − n = 0; the root that is non-negative and before the rate reaches zero.
            double discriminant = (From * From) + (2 * a * n);
            return (-From + Math.Sqrt(Math.Max(0, discriminant))) / a;
        }
    }
}
