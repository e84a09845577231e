using LoadLab.Runner.Safety;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Environments;

/// <summary>Resolves the plan's environment (reading SSM only when a setting refers to it) and applies --region and --endpoint on top.</summary>
internal static class EnvironmentSetup
{
    public const string DefaultRegion = "us-east-1";

    /// <param name="region">--region, or null when not given.</param>
    /// <param name="endpoint">--endpoint, or null when not given.</param>
    public static async Task<ResolvedEnvironment> ResolveAsync(RunPlan plan, string? region, Uri? endpoint, SafetyServices services, CancellationToken stop)
    {
        var configured = plan.EffectiveEnvironment();
        if (EnvironmentResolver.HasReferences(configured))
        {
            // SSM itself needs a region: --region, the environment's literal region, or the default.
            string ssmRegion = region ?? (configured.Region is { } r && !Suites.EnvironmentsBinder.IsReference(r) ? r : DefaultRegion);
            var source = services.Parameters(configured.Profile, ssmRegion);
            try
            {
                return await EnvironmentResolver.ResolveAsync(configured, source, stop, region, endpoint).ConfigureAwait(false);
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }
        }
        else
        {
            return await EnvironmentResolver.ResolveAsync(configured, NoParameters.Instance, stop, region, endpoint).ConfigureAwait(false);
        }
    }

    /// <summary>Checks the account when the environment names one (or --show-account asks for it); never for local or a loopback emulator.</summary>
    public static async Task<string?> CheckAccountAsync(ResolvedEnvironment target, SafetyOptions safety, SafetyServices services, CancellationToken stop)
    {
        if (target.IsLoopback)
            return null;
        return await AccountGuard.CheckAsync(target.Name, target.AccountId, safety.ShowAccount, services.Identity(target.Profile, target.Region), stop).ConfigureAwait(false);
    }

    private sealed class NoParameters : IParameterSource
    {
        public static readonly NoParameters Instance = new();

        public Task<ParameterValue> GetAsync(string name, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No SSM reference was expected.");
    }
}
