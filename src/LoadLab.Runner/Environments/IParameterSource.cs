namespace LoadLab.Runner.Environments;

/// <summary>Reads a parameter of SSM Parameter Store; an interface of LoadLab's own so tests use a fake.</summary>
internal interface IParameterSource
{
    /// <summary>The parameter's value, SecureString decrypted.</summary>
    /// <exception cref="ParameterNotFoundException">No such parameter (or no access to it).</exception>
    Task<ParameterValue> GetAsync(string name, CancellationToken cancellationToken);
}

/// <param name="Secure">The parameter is a SecureString: its value is never printed or written.</param>
internal sealed record ParameterValue(string Value, bool Secure)
{
    // A record prints its members; this one must not, wherever it ends up.
    public override string ToString() => Secure ? "ParameterValue { Secure = True }" : $"ParameterValue {{ Value = {Value} }}";
}

internal sealed class ParameterNotFoundException(string name, string reason) : Exception($"SSM parameter {name}: {reason}")
{
    public string Name { get; } = name;
}
