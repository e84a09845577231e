namespace LoadLab.Reports.Compare;

/// <summary>What one row of a comparison says about B against A.</summary>
public enum Verdict
{
    /// <summary>B is better than A by more than the tolerance.</summary>
    Better,

    /// <summary>The change is within the tolerance (or below the metric's noise floor).</summary>
    Same,

    /// <summary>B is worse than A by more than the tolerance: the comparison fails.</summary>
    Regression,

    /// <summary>The operation ran in A only.</summary>
    OnlyInA,

    /// <summary>The operation ran in B only.</summary>
    OnlyInB,

    /// <summary>One side has nothing to measure (no completed operations, no histogram for the percentile).</summary>
    NotMeasured,
}
