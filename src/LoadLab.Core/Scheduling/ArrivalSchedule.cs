using LoadLab.Core.Plans;

namespace LoadLab.Core.Scheduling;

/// <summary>
/// Open-model arithmetic: arrival k happens at the time t where the integral of the rate from the
/// scenario's start equals k. Intended starts are therefore absolute offsets, never "sleep 1/rate",
/// so a slow operation or a late timer never shifts the schedule (wrk2's lesson, see
/// docs/load-model.md §3). A profile is the sequence of ramps between its points. Closed phases contribute no arrivals.
/// </summary>
public sealed class ArrivalSchedule
{
    private readonly Segment[] segments;

    public ArrivalSchedule(IReadOnlyList<LoadPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var list = new List<Segment>(phases.Count);
        double start = 0, arrivals = 0;
        foreach (var phase in phases)
        {
            double length = phase.Duration.TotalSeconds;
            if (phase is ProfilePhase profile)
            {
                // A profile is the sequence of ramps between its points; the last one ends with the phase.
                var points = profile.Points;
                for (int p = 0; p + 1 < points.Count; p++)
                {
                    double end = p + 2 == points.Count ? length : points[p + 1].Seconds;
                    arrivals = Add(list, start + points[p].Seconds, end - points[p].Seconds, points[p].Rate, points[p + 1].Rate, arrivals);
                }
            }
            else
            {
                (double from, double to) = phase switch
                {
                    RatePhase r => (r.Rate, r.Rate),
                    RampPhase r => (r.From, r.To),
                    _ => (0d, 0d),
                };
                arrivals = Add(list, start, length, from, to, arrivals);
            }

            start += length;
        }

        segments = [.. list];
        TotalSeconds = start;
        TotalArrivals = arrivals;
    }

    private static double Add(List<Segment> list, double start, double length, double from, double to, double arrivals)
    {
        list.Add(new Segment(start, length, from, to, arrivals));
        return arrivals + ((from + to) / 2 * length);
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
        if (seconds >= TotalSeconds) return TotalArrivals;
        var s = segments[SegmentAt(seconds)];
        return s.ArrivalsBefore + s.Integral(seconds - s.Start);
    }

    /// <summary>Arrival rate at <paramref name="seconds"/> from the start.</summary>
    public double RateAt(double seconds)
    {
        if (seconds < 0 || seconds >= TotalSeconds) return 0;
        var s = segments[SegmentAt(seconds)];
        return s.RateAt(seconds - s.Start);
    }

    // Binary search: a day-long profile has tens of thousands of segments and the sampler asks every second.
    // Segments are contiguous, so the answer is the last one starting at or before the instant.
    private int SegmentAt(double seconds)
    {
        int lo = 0, hi = segments.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (segments[mid].Start <= seconds) lo = mid;
            else hi = mid - 1;
        }

        return lo;
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
            // a/2 t² + From t − n = 0; the root that is non-negative and before the rate reaches zero,
            // written as 2n / (From + √…) so a nearly flat piece of a profile loses no precision to cancellation.
            double root = Math.Sqrt(Math.Max(0, (From * From) + (2 * a * n)));
            return 2 * n / (From + root);
        }
    }
}
