using LoadLab.Runner.Safety;

namespace LoadLab.UnitTests;

/// <summary>STS in memory: always the same account; counts the calls.</summary>
internal sealed class FixedAccount(string account) : IAccountIdentity
{
    public int Calls { get; private set; }

    public Task<string> GetAccountIdAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(account);
    }
}
