using LoadLab.Runner.Environments;

namespace LoadLab.UnitTests.Runner.Environments;

/// <summary>SSM Parameter Store in memory: name → (value, SecureString?); records what was asked.</summary>
internal sealed class FakeParameters(Dictionary<string, ParameterValue> parameters) : IParameterSource
{
    public List<string> Asked { get; } = [];

    public Task<ParameterValue> GetAsync(string name, CancellationToken cancellationToken)
    {
        Asked.Add(name);
        return parameters.TryGetValue(name, out var value)
            ? Task.FromResult(value)
            : throw new ParameterNotFoundException(name, "not found in eu-west-1");
    }
}
