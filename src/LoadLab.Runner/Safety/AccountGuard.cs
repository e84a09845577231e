using LoadLab.Core.Plans;
using LoadLab.Core.Errors;

namespace LoadLab.Runner.Safety;

/// <summary>The credentials' account must be the environment's expected account; never checked for local.</summary>
internal static class AccountGuard
{
    /// <summary>Returns the account id when it was looked up (an expected account is set, or it is to be shown), else null.</summary>
    /// <exception cref="InvalidInputException">Exit 3: another account, or the identity cannot be read.</exception>
    public static async Task<string?> CheckAsync(string environment, string? expectedAccount, bool lookUpAnyway, IAccountIdentity identity, CancellationToken cancellationToken)
    {
        if (environment == EnvironmentNames.Local || (expectedAccount is null && !lookUpAnyway))
            return null;
        string actual;
        try
        {
            actual = await identity.GetAccountIdAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or Amazon.Runtime.AmazonServiceException)
        {
            throw new CannotRunException($"Cannot check which AWS account the credentials belong to (STS GetCallerIdentity): {e.Message}. Check the profile or the credentials in the environment.");
        }

        if (expectedAccount is not null && !string.Equals(actual, expectedAccount, StringComparison.Ordinal))
        {
            throw new CannotRunException($"Refusing to run: the credentials belong to AWS account {Mask(actual)}, but environment {environment} expects account {Mask(expectedAccount)}. Use the environment's profile or credentials; nothing was touched.");
        }

        return actual;
    }

    /// <summary>Only the last four digits: enough to tell accounts apart in a message, not to disclose one.</summary>
    public static string Mask(string account) => account.Length <= 4 ? "****" : "********" + account[^4..];
}
