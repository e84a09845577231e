using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Environments: prefix, profile, region, endpoint and account, each environment's own (environments.yaml uses the same shape).</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineEnvironments()
    {
        Define("environmentSettings", Place(
            SuiteKeys.Environment,
            new()
            {
                ["prefix"] = Pattern("^[A-Za-z0-9_.-]{1,64}$", "Table name prefix (default local_, dev_, stg_, prod_); LoadLab touches only tables carrying it."),
                ["profile"] = Text("Named AWS profile; default: the SDK's credential chain."),
                ["region"] = Text("AWS region, e.g. eu-west-1, or ssm:/path."),
                ["endpoint"] = Text("DynamoDB endpoint URL, or ssm:/path."),
                ["account"] = Text("12-digit AWS account id the credentials must belong to (checked with STS), or ssm:/path."),
            },
            "Where an environment is: region, endpoint and account may be ssm:/path references to SSM Parameter Store."));
    }

    private static JsonObject EnvironmentsSection() =>
        MapOf(Ref("environmentSettings"), "Per-environment settings (local, dev, staging, prod); they override environments.yaml beside the suite value by value.")
            .With("propertyNames", new JsonObject { ["enum"] = Strings(SuiteValues.Environments) });
}
