using LoadLab.Core.Errors;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Environments;
using LoadLab.Runner.Safety;
using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Runner.Environments;

/// <summary>ssm:/ references resolved through LoadLab's own IParameterSource; SecureString values never shown.</summary>
public sealed class EnvironmentResolverTests
{
    private const string SecretAccount = "987654321098";

    private static readonly EnvironmentPlan Staging = new()
    {
        Name = "staging",
        Prefix = "stg_",
        Region = "ssm:/loadlab/staging/region",
        Endpoint = "ssm:/loadlab/staging/endpoint",
        AccountId = "ssm:/loadlab/staging/account",
    };

    private static FakeParameters Parameters() => new(new()
    {
        ["/loadlab/staging/region"] = new("eu-west-1", Secure: false),
        ["/loadlab/staging/endpoint"] = new("https://dynamodb.eu-west-1.amazonaws.com", Secure: false),
        ["/loadlab/staging/account"] = new(SecretAccount, Secure: true),
    });

    [Fact]
    public async Task References_are_replaced_by_the_parameters_values()
    {
        var parameters = Parameters();
        var resolved = await EnvironmentResolver.ResolveAsync(Staging, parameters, CancellationToken.None);

        Assert.Equal("eu-west-1", resolved.Region);
        Assert.Equal(new Uri("https://dynamodb.eu-west-1.amazonaws.com"), resolved.Endpoint);
        Assert.Equal(SecretAccount, resolved.AccountId);
        Assert.Equal(["/loadlab/staging/region", "/loadlab/staging/endpoint", "/loadlab/staging/account"], parameters.Asked);
        Assert.Equal(["account"], resolved.Secret);
    }

    [Fact]
    public async Task Literal_values_are_used_as_they_are_without_asking_ssm()
    {
        var parameters = Parameters();
        var plan = Staging with { Region = "us-west-2", Endpoint = null, AccountId = "111122223333" };
        var resolved = await EnvironmentResolver.ResolveAsync(plan, parameters, CancellationToken.None);

        Assert.Equal("us-west-2", resolved.Region);
        Assert.Null(resolved.Endpoint);
        Assert.Empty(parameters.Asked);
        Assert.False(EnvironmentResolver.HasReferences(plan));
        Assert.True(EnvironmentResolver.HasReferences(Staging));
    }

    [Fact]
    public async Task A_secure_string_never_appears_in_descriptions_or_refusals()
    {
        var resolved = await EnvironmentResolver.ResolveAsync(Staging, Parameters(), CancellationToken.None);

        Assert.DoesNotContain(SecretAccount, resolved.Describe(showAccount: true), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretAccount, resolved.Describe(showAccount: false), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretAccount, resolved.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretAccount, new ParameterValue(SecretAccount, Secure: true).ToString(), StringComparison.Ordinal);
        Assert.Contains("eu-west-1", resolved.Describe(showAccount: true), StringComparison.Ordinal);

        // The account guard's refusal names neither account in full.
        var refusal = await Assert.ThrowsAsync<CannotRunException>(() =>
            AccountGuard.CheckAsync("staging", resolved.AccountId, lookUpAnyway: false, new FixedAccount("111122223333"), CancellationToken.None));
        Assert.DoesNotContain(SecretAccount, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unusable_secure_value_is_reported_without_its_value()
    {
        var parameters = new FakeParameters(new() { ["/loadlab/staging/endpoint"] = new("not a url secret-xyz", Secure: true) });
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            EnvironmentResolver.ResolveAsync(Staging with { Region = null, AccountId = null }, parameters, CancellationToken.None));
        Assert.DoesNotContain("secret-xyz", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SecureString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parameter_cannot_run_and_names_the_parameter()
    {
        var ex = await Assert.ThrowsAsync<CannotRunException>(() =>
            EnvironmentResolver.ResolveAsync(Staging, new FakeParameters([]), CancellationToken.None));
        Assert.Contains("/loadlab/staging/region", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ssm:GetParameter", ex.Message, StringComparison.Ordinal);
    }
}
