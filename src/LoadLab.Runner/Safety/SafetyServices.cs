using LoadLab.Runner.Environments;

namespace LoadLab.Runner.Safety;

/// <summary>What the guards need from outside the process; tests replace each with a fake.</summary>
/// <param name="Parameters">SSM Parameter Store for (profile, region).</param>
/// <param name="Identity">STS GetCallerIdentity for (profile, region).</param>
/// <param name="Confirmation">Yes/no questions before destructive actions.</param>
internal sealed record SafetyServices(
    Func<string?, string, IParameterSource> Parameters,
    Func<string?, string, IAccountIdentity> Identity,
    IConfirmation Confirmation)
{
    public static SafetyServices Default(IConfirmation confirmation) => new(
        (profile, region) => new SsmParameterSource(profile, region),
        (profile, region) => new StsAccountIdentity(profile, region),
        confirmation);
}
