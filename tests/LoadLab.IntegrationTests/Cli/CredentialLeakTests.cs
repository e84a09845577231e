using LoadLab.Cli;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>Credentials in the environment never reach the console or any output file (embedded target: dynalite behind the simulator).</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialLeakTests : IDisposable
{
    // Recognisable fakes: valid in shape, useless anywhere.
    private const string AccessKey = "AKIALOADLABFAKE7Q2X";
    private const string SecretKey = "loadlabFakeSecret/k3Jx9Qw2Zr8Vt5Nm1Bp4Lc7Hs6Dg0Yf";
    private const string SessionToken = "loadlabFakeSessionToken+Qm9vYmFyYmF6";

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-creds-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_run_writes_and_prints_no_credential()
    {
        string suite = Path.Combine(folder, "creds.yaml");
        await File.WriteAllTextAsync(suite, $$"""
            name: creds
            tables:
              items: { name: Creds{{Guid.NewGuid().ToString("N")[..10]}}, key: { pk: S } }
            data:
              items: { model: customer, items: 50 }
            scenarios:
              - name: browse
                table: items
                mix: { get: 4, put: 1 }
                load: [ { rate: 30, for: 1s } ]
            """);
        string output = Path.Combine(folder, "out");
        var saved = new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" }.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        var console = new TestConsole();
        int exit;
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKey);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", SessionToken);
            exit = await LoadLabApp.RunAsync(
                ["run", suite, "--env", "local", "--out", output, "--plain", "--show-account", "--teardown"],
                console.Console);
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }

        Assert.True(exit == 0, console.Output);
        // Through the simulator too, tables are tagged as LoadLab's: --teardown found and deleted them.
        var result = LoadLab.Reports.Json.ResultsJson.Read(Path.Combine(output, "results.json"));
        Assert.All(result.Tables, t => Assert.True(t.Created && t.Deleted, $"{t.Name}: created {t.Created}, deleted {t.Deleted}"));
        Assert.NotEmpty(result.Tables);
        Assert.Null(result.Run.AccountId); // local: no account, even with --show-account

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("results.json", StringComparison.Ordinal));
        Assert.True(files.Length >= 4, string.Join(", ", files));
        foreach (var secret in new[] { AccessKey, SecretKey, SessionToken, "loadlabFake" })
        {
            Assert.DoesNotContain(secret, console.Output, StringComparison.Ordinal);
            foreach (var file in files)
            {
                // Binary files (charts) are searched as Latin-1 text: any embedded ASCII would show.
                string text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{secret} found in {file}");
            }
        }
    }
}
