namespace LoadLab.Capacity.Model;

/// <summary>Rounding of capacity units that tolerates floating-point noise: 700 / 0.7 is 1,000 units, not 1,001.</summary>
internal static class UnitMath
{
    private const double Tolerance = 1e-9;

    public static double Ceiling(double units) => Math.Ceiling(units - (Math.Abs(units) * Tolerance));
}
