namespace LoadLab.Runner.Suites.Profiles;

/// <summary>A point as read, with where it was read: seconds from the curve's start, rate per second (before <c>scale:</c>).</summary>
internal readonly record struct RawPoint(double Seconds, double Rate, int Line, int TimeColumn, int RateColumn);
