namespace LoadLab.Core.Plans;

/// <summary>
/// Target tracking for one dimension of a provisioned table (Application Auto Scaling): keep the
/// utilisation near <see cref="TargetPercent"/> by changing the units between min and max.
/// </summary>
/// <param name="TargetPercent">Target utilisation, 20 to 90 (percent), as AWS allows.</param>
public sealed record AutoScalingPlan(double TargetPercent, long MinUnits, long MaxUnits);
