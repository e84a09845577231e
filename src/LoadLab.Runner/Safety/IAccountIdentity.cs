namespace LoadLab.Runner.Safety;

/// <summary>Which AWS account the credentials belong to (STS GetCallerIdentity); an interface so the guard is tested without AWS.</summary>
internal interface IAccountIdentity
{
    Task<string> GetAccountIdAsync(CancellationToken cancellationToken);
}
