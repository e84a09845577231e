using System.Globalization;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Text;

/// <summary>The cost estimate as table rows, the same in summary.md and report.html.</summary>
public static class CostText
{
    public static readonly string[] Headers = ["table", "mode", "", ">$ for the run", ">$ per million ops", ">$ per hour", "basis"];

    public const string Note = "Estimated from consumed units (throttled requests cost nothing; seeding, warm-up and storage are left out). " +
        "Per hour is at the measured rate; per million counts the operations served. The other mode prices the same traffic as it would be billed there.";

    /// <summary>Two rows per table: its own mode, then the other.</summary>
    public static IEnumerable<string[]> Rows(RunCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        foreach (var table in cost.Tables)
        {
            yield return Row(table.Table, "own", table.OwnMode);
            yield return Row("", "what if", table.OtherMode);
        }
    }

    /// <summary>The prices used, one line.</summary>
    public static string Prices(RunCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var p = cost.Prices;
        return FormattableString.Invariant(
            $"Prices: on demand ${p.OnDemandReadPerMillion} per million read units, ${p.OnDemandWritePerMillion} per million write units; provisioned ${p.ProvisionedReadPerUnitHour} per RCU-hour, ${p.ProvisionedWritePerUnitHour} per WCU-hour; what-if provisioning at {p.TargetUtilization * 100:0.#} % utilisation (override with --prices).");
    }

    /// <summary>Dollars with enough digits for the small sums of a short run: $0.0235, $0.000012.</summary>
    public static string Dollars(double usd)
    {
        if (usd == 0 || !double.IsFinite(usd)) return usd == 0 ? "$0" : "–";
        double abs = Math.Abs(usd);
        if (abs < 1e-6) return "$" + usd.ToString("0.##E+0", CultureInfo.InvariantCulture);
        string format = abs >= 100 ? "#,0" : abs >= 1 ? "0.00" : abs >= 0.01 ? "0.####" : "0.#######";
        return "$" + usd.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string[] Row(string table, string which, ModeCost mode) =>
    [
        table,
        mode.Mode,
        which,
        Dollars(mode.Usd),
        mode.UsdPerMillionOperations is { } m ? Dollars(m) : "–",
        Dollars(mode.UsdPerHour),
        mode.Basis,
    ];
}
