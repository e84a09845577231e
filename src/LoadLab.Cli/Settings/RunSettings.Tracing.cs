using System.ComponentModel;
using System.Globalization;
using LoadLab.Core.Text;
using LoadLab.Tracing;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary>The tracing options of <c>loadlab run</c>; the suite's tracing section fills what they leave open.</summary>
internal sealed partial class RunSettings
{
    [CommandOption("--trace <MODE>")]
    [Description("trace operations: off (default, or the suite's tracing.mode), xray (X-Ray daemon, AWS_XRAY_DAEMON_ADDRESS) or otlp (OTEL_EXPORTER_OTLP_ENDPOINT)")]
    public string? Trace { get; init; }

    [CommandOption("--trace-rate <F>")]
    [Description("share of operations traced besides the first each second, 0-1 (default 0.01)")]
    public string? TraceRate { get; init; }

    [CommandOption("--trace-slow-ms <N>")]
    [Description("always trace operations at least N ms slow (default 100)")]
    public string? TraceSlowMs { get; init; }

    private (TraceMode? Mode, double? Rate, int? SlowMs) CheckTracing(List<string> errors)
    {
        var mode = TraceMode.Off;
        bool badMode = Trace is not null && !TraceModes.TryParse(Trace, out mode);
        if (badMode)
            errors.Add($"--trace '{Trace}' is not a trace mode; use one of {string.Join(", ", TraceModes.Names)}." + NameSuggestions.DidYouMean(Trace!, TraceModes.Names));
        double? rate = null;
        if (TraceRate is { } r)
        {
            if (double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed is >= 0 and <= 1) rate = parsed;
            else errors.Add($"--trace-rate '{r}' must be a number from 0 to 1, e.g. 0.01 for 1 %");
        }

        int? slow = null;
        if (TraceSlowMs is { } n)
        {
            if (int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed is >= 1 and <= 3_600_000) slow = parsed;
            else errors.Add($"--trace-slow-ms '{n}' must be a whole number of milliseconds from 1 to 3600000, e.g. 100");
        }

        // With tracing left to the suite, TracingSettings checks that it ends up on.
        if (Trace is not null && !badMode && mode == TraceMode.Off && (rate is not null || slow is not null))
            errors.Add("--trace-rate and --trace-slow-ms need tracing on: add --trace xray or --trace otlp");
        return (Trace is not null && !badMode ? mode : null, rate, slow);
    }
}
