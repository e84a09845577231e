namespace LoadLab.Reports.Compare;

/// <summary>What one row of a comparison says about B against A.</summary>
public enum Verdict
{
    /// <summary>B is clearly better (beyond the noise) and by more than the tolerance.</summary>
    Better,

    /// <summary>No clear difference, or one within the tolerance.</summary>
    Same,

    /// <summary>B is clearly worse (beyond the noise) and by more than the tolerance: the comparison fails.</summary>
    Regression,

    /// <summary>The operation ran in A only.</summary>
    OnlyInA,

    /// <summary>The operation ran in B only.</summary>
    OnlyInB,

    /// <summary>One side has nothing to measure (no successful operations, no histogram for the percentile).</summary>
    NotMeasured,
}
