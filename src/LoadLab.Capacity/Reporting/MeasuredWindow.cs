namespace LoadLab.Capacity.Reporting;

/// <summary>
/// The run's measured window, to sort the simulator's whole seconds into it or into the phases around it.
/// Times are seconds since <see cref="LoadStartedAt"/>, the first scheduled operation.
/// </summary>
/// <param name="From">End of warm-up (the latest scenario's).</param>
/// <param name="To">End of the run (last scheduled operation plus the drain of the operations still in flight).</param>
public sealed record MeasuredWindow(DateTimeOffset LoadStartedAt, double From, double To)
{
    public const string Window = "window";
    public const string Seeding = "seeding";
    public const string Warmup = "warm-up";
    public const string After = "after";

    /// <summary>
    /// The rule in words, for results.json. The simulator counts in whole clock seconds, which do not line
    /// up with the load's start; a second that began before the load may hold seeding traffic, so it never counts.
    /// </summary>
    public const string Rule = "A simulator second is measured when it starts at or after the load's start and its middle lies between from and to; " +
        "seconds that start before the load are seeding, seconds whose middle is before from are warm-up, after to are after.";

    /// <summary>The phase of the interval [<paramref name="start"/>, +<paramref name="length"/>) (seconds since the load started).</summary>
    public string PhaseOf(double start, double length)
    {
        // A millisecond of slack: the clocks of the engine and the simulator are read separately.
        if (start < -1e-3)
            return Seeding;
        double middle = start + (length / 2);
        if (middle < From)
            return Warmup;
        return middle > To ? After : Window;
    }
}
