using LoadLab.Core.Errors;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Safety;

/// <summary><c>--max-cost USD</c>: a run whose planned on-demand cost is higher is refused before anything is touched.</summary>
internal static class CostGuard
{
    /// <exception cref="InvalidInputException">Exit 2: over the limit, or the plan cannot be priced (closed-model phases).</exception>
    public static void Check(CostEstimate estimate, double? maxDollars)
    {
        if (maxDollars is not { } limit)
            return;
        if (!estimate.IsBounded)
        {
            throw new InvalidInputException($"Refusing to run with --max-cost: the cost cannot be planned ({string.Join("; ", estimate.Unbounded)}). Use rate or ramp phases, or drop --max-cost.");
        }

        if (estimate.TotalDollars > limit)
        {
            string lines = string.Join(", ", estimate.Lines.Where(l => l.Dollars > 0).Select(l => Formatting.Invariant($"{l.What} ${l.Dollars:0.####}")));
            throw new InvalidInputException(Formatting.Invariant($"Refusing to run: the planned on-demand cost ${estimate.TotalDollars:0.####} is above --max-cost ${limit:0.####} ({lines}). Shorten the phases, lower the rates or items, or raise --max-cost."));
        }
    }
}
