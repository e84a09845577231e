using LoadLab.Core.Results;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// One colour per operation name across every chart of a run (get is the same blue in the
/// latency, distribution and attempts charts), assigned in order of first appearance so the
/// common few operations get the most distinct colours.
/// </summary>
public sealed class OperationPalette
{
    // Category10 (Tableau): distinct, colour-blind-friendly first colours, the usual chart palette.
    private static readonly Color[] Colours = new ScottPlot.Palettes.Category10().Colors;

    private readonly Dictionary<string, Color> byName = new(StringComparer.Ordinal);

    public OperationPalette(IEnumerable<string> operationNames)
    {
        ArgumentNullException.ThrowIfNull(operationNames);
        foreach (var name in operationNames)
        {
            if (!byName.ContainsKey(name))
                byName[name] = Colours[byName.Count % Colours.Length];
        }
    }

    public static OperationPalette For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new OperationPalette(result.Scenarios.SelectMany(s => s.Operations).Select(o => o.Name));
    }

    /// <summary>Names the palette was not built with still get a stable colour from their name.</summary>
    public Color this[string operationName] =>
        byName.TryGetValue(operationName, out var c) ? c : Colours[StableIndex(operationName)];

    /// <summary>Hex colour (#rrggbb) for the HTML tables' swatches.</summary>
    public string Hex(string operationName)
    {
        var c = this[operationName];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{c.R:x2}{c.G:x2}{c.B:x2}");
    }

    private static int StableIndex(string name)
    {
        // string.GetHashCode is randomised per process; reports must be deterministic.
        uint h = 2166136261;
        foreach (char c in name) h = (h ^ c) * 16777619;
        return (int)(h % (uint)Colours.Length);
    }
}
