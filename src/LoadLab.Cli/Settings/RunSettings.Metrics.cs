using System.ComponentModel;
using LoadLab.Core.Text;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary>The metrics outputs of <c>loadlab run</c> (<c>--metrics emf</c>).</summary>
internal sealed partial class RunSettings
{
    /// <summary>emf: metrics.emf.jsonl in the run folder; emf-stdout: that file and the same lines on standard output; off: none, whatever the suite says.</summary>
    public static readonly IReadOnlyList<string> MetricsOutputs = ["emf", "emf-stdout", "off"];

    [CommandOption("--metrics <LIST>")]
    [Description("also write CloudWatch metrics: emf (metrics.emf.jsonl in the run folder, one Embedded Metric Format document per second per scenario and operation) or emf-stdout (the file, and the same lines on standard output for a container's log agent); off ignores the suite's metrics section")]
    public string? Metrics { get; init; }

    /// <summary>--metrics once checked: the outputs asked for (empty for off); null when the option is absent, leaving it to the suite.</summary>
    public IReadOnlySet<string>? MetricsRequested { get; private set; }

    private void CheckMetrics(List<string> errors)
    {
        if (Metrics is null)
            return;
        var requested = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in Metrics.Split(',', StringSplitOptions.TrimEntries))
        {
            if (MetricsOutputs.Contains(part))
                requested.Add(part);
            else
                errors.Add($"--metrics '{part}' is not a metrics output; use {string.Join(" or ", MetricsOutputs)}." + NameSuggestions.DidYouMean(part, MetricsOutputs));
        }

        if (requested.Contains("off") && requested.Count > 1)
            errors.Add("--metrics off cannot be combined with an output; name the outputs, or off alone");
        requested.Remove("off");
        MetricsRequested = requested;
    }
}
