namespace LoadLab.Runner.Suites.Profiles;

/// <summary>Where a value was read in a traffic file: 1-based line and column.</summary>
internal readonly record struct TrafficPosition(int Line, int Column);

/// <summary>
/// A point as read, with where its time and rate were read (the same line in a CSV, different lines in JSON):
/// seconds from the curve's start, rate per second before <c>scale:</c>.
/// </summary>
internal readonly record struct RawPoint(double Seconds, double Rate, TrafficPosition TimeAt, TrafficPosition RateAt);
