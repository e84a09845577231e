using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites.Profiles;

/// <summary>
/// Binds <c>profile: { file, scale, period, series }</c>: reads the traffic file (relative to the suite's folder)
/// and reports its problems at the suite's <c>file:</c> value with the data file's own line and column,
/// e.g. <c>suite.yaml:12:25: load phase 1: profile.file: traffic.csv:7:4: rate -3 is negative …</c>.
/// </summary>
internal static class ProfileBinder
{
    public static ProfilePhase? Bind(MappingReader phase, string context, SuiteDiagnostics diagnostics)
    {
        phase.CheckAllowed(SuiteKeys.ProfilePhase);
        var body = ScalarReader.Mapping(phase.Present("profile"), "profile", diagnostics);
        if (body is null)
            return null;
        var reader = MappingReader.Fixed(body, "profile", SuiteKeys.Profile, diagnostics);
        var fileNode = reader.Required("file", "the traffic curve, a CSV 'time,rate' or CloudWatch get-metric-data JSON, relative to the suite");
        var file = fileNode is null ? null : ScalarReader.Text(fileNode, "profile.file", diagnostics);
        var scale = reader.Optional("scale") is { } s
            ? ScalarReader.Number(s, "profile.scale", 0, TrafficLimits.MaxScale, minExclusive: true, diagnostics)
            : 1.0;
        var period = reader.Optional("period") is { } p ? ScalarReader.Duration(p, "profile.period", positive: true, diagnostics) : null;
        var series = reader.Optional("series") is { } id ? ScalarReader.Text(id, "profile.series", diagnostics) : null;
        if (file is null || scale is not { } factor || (reader.Optional("period") is not null && period is null)
            || (reader.Optional("series") is not null && series is null))
            return null;

        var (fullPath, shownPath) = Locate(file, diagnostics.File);
        var errors = new TrafficFileErrors();
        var points = TrafficFile.Read(fullPath, new TrafficRequest(factor, period, series), errors);
        if (points is null)
        {
            // In the data file's order: they all share the suite's position, so the list keeps this order.
            foreach (var error in errors.Shown.OrderBy(e => e.Line).ThenBy(e => e.Column))
                diagnostics.Add(fileNode!, $"{context}: profile.file: {shownPath}{error.Position}: {error.Message}"
                    + (error.Line == 0 && shownPath != fullPath && !File.Exists(fullPath) ? $" (looked at '{fullPath}')" : ""));
            if (errors.Count > errors.Shown.Count)
                diagnostics.Add(fileNode!, Formatting.Invariant($"{context}: profile.file: {shownPath}: {errors.Count - errors.Shown.Count:N0} more problems like these; fix the ones above first"));
            return null;
        }
        return new ProfilePhase(file, points);
    }

    /// <summary>
    /// The file's full path (relative to the suite's folder) and the path shown in errors: relative to the same
    /// place as the suite's own name, so both open from the same terminal.
    /// </summary>
    private static (string Full, string Shown) Locate(string file, string suiteFile)
    {
        var suiteFolder = Path.GetDirectoryName(suiteFile) ?? "";
        var shown = Path.IsPathRooted(file) ? file : Path.Combine(suiteFolder, file);
        return (Path.GetFullPath(shown), shown);
    }
}
