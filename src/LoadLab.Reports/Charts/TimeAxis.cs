namespace LoadLab.Reports.Charts;

/// <summary>Seconds for short runs, minutes for long ones, so tick labels stay short.</summary>
/// <param name="Seconds">The run's length: every time chart spans 0 to this, so charts line up when compared.</param>
public readonly record struct TimeAxis(double Divisor, string Label, double Seconds)
{
    public static TimeAxis For(double durationSeconds) =>
        durationSeconds > 600
            ? new TimeAxis(60, "time since start (min)", durationSeconds)
            : new TimeAxis(1, "time since start (s)", durationSeconds);

    public double X(double seconds) => seconds / Divisor;

    /// <summary>Fixes the x range to the whole run (ScottPlot's autoscale would pad it below zero).</summary>
    public void Apply(ScottPlot.Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Axes.SetLimitsX(0, Math.Max(X(Seconds), 1e-3));
    }
}
