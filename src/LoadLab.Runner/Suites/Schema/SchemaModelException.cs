namespace LoadLab.Runner.Suites.Schema;

/// <summary>
/// The suite schema model does not cover the loader's keys (a key of <see cref="SuiteKeys"/> without a type and
/// description, or a key the loader does not have). Thrown while generating, so a forgotten key fails the tests.
/// </summary>
public sealed class SchemaModelException(string message) : Exception(message);
