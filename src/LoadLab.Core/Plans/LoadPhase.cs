namespace LoadLab.Core.Plans;

/// <summary>A stretch of a scenario's timeline with one load shape.</summary>
public abstract record LoadPhase(TimeSpan Duration)
{
    /// <summary>Short human description for plans and live views, e.g. <c>rate 300/s for 2m</c>.</summary>
    public abstract string Describe();

    /// <summary>Open phases start operations on a clock; closed phases keep a number of workers busy.</summary>
    public abstract bool IsOpen { get; }

    /// <summary>Same phase with its duration multiplied (for <c>--duration-scale</c>).</summary>
    public abstract LoadPhase Scale(double factor);

    protected static TimeSpan Scaled(TimeSpan d, double factor) => TimeSpan.FromTicks((long)Math.Round(d.Ticks * factor));

    protected static string Fmt(TimeSpan d) => Formatting.Duration(d);
}

/// <summary>Open model: a constant number of arrivals per second.</summary>
public sealed record RatePhase(double Rate, TimeSpan Duration) : LoadPhase(Duration)
{
    public override bool IsOpen => true;
    public override string Describe() => Formatting.Invariant($"rate {Rate:0.##}/s for {Fmt(Duration)}");
    public override LoadPhase Scale(double factor) => this with { Duration = Scaled(Duration, factor) };
}

/// <summary>Open model: the arrival rate changes linearly from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record RampPhase(double From, double To, TimeSpan Duration) : LoadPhase(Duration)
{
    public override bool IsOpen => true;
    public override string Describe() => Formatting.Invariant($"ramp {From:0.##}→{To:0.##}/s over {Fmt(Duration)}");
    public override LoadPhase Scale(double factor) => this with { Duration = Scaled(Duration, factor) };
}

/// <summary>Nothing is started.</summary>
public sealed record PausePhase(TimeSpan Duration) : LoadPhase(Duration)
{
    public override bool IsOpen => true;
    public override string Describe() => $"pause {Fmt(Duration)}";
    public override LoadPhase Scale(double factor) => this with { Duration = Scaled(Duration, factor) };
}

/// <summary>Closed model: a fixed number of workers, each starting its next operation when the previous ends.</summary>
public sealed record ConcurrencyPhase(int Workers, TimeSpan Duration) : LoadPhase(Duration)
{
    public override bool IsOpen => false;
    public override string Describe() => $"{Workers} workers for {Fmt(Duration)}";
    public override LoadPhase Scale(double factor) => this with { Duration = Scaled(Duration, factor) };
}

/// <summary>Closed model: the number of workers changes linearly.</summary>
public sealed record RampConcurrencyPhase(int From, int To, TimeSpan Duration) : LoadPhase(Duration)
{
    public override bool IsOpen => false;
    public override string Describe() => $"workers {From}→{To} over {Fmt(Duration)}";
    public override LoadPhase Scale(double factor) => this with { Duration = Scaled(Duration, factor) };
}
