using System.Text.RegularExpressions;

namespace Uitstroom.Deploy.Tests.Secrets;

/// <summary>
/// deploy/k8s/create-secrets.sh creates every Secret key the rendered manifests reference, with fresh values, run
/// against a stand-in kubectl (fake-kubectl.sh) that records what would be created.
/// </summary>
public partial class CreateSecretsTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_Secret_key_an_overlay_references_is_created_by_create_secrets(string overlay)
    {
        var created = await CreateSecretsAsync(overlay);

        var (exitCode, rendered) = await Repository.RunAsync(
            "kubectl", ["kustomize", Repository.PathOf("deploy", "k8s", "overlays", overlay)], TimeSpan.FromMinutes(1));
        exitCode.ShouldBe(0, rendered);
        var referenced = SecretKeyRef().Matches(rendered).Select(m => $"{m.Groups["name"].Value}/{m.Groups["key"].Value}").ToHashSet();

        referenced.ShouldNotBeEmpty();
        referenced.ShouldBeSubsetOf(created.Keys);
        created.Values.ShouldAllBe(value => value.Length >= 16);
    }

    [Fact]
    public async Task In_dev_the_store_connection_string_carries_the_password_the_in_cluster_PostgreSQL_is_given()
    {
        var created = await CreateSecretsAsync("dev");

        created["uitstroom-store/connection-string"].ShouldEndWith($";Password={created["uitstroom-postgres/password"]}");
        created["uitstroom-store/connection-string"].ShouldStartWith("Host=store;");
    }

    [Fact]
    public async Task Two_runs_never_produce_the_same_secrets()
    {
        var first = await CreateSecretsAsync("dev");
        var second = await CreateSecretsAsync("dev");

        foreach (var (key, value) in first)
        {
            second[key].ShouldNotBe(value, key);
        }
    }

    private static async Task<Dictionary<string, string>> CreateSecretsAsync(string overlay)
    {
        using var folder = new TempFolder();
        var bin = Path.Combine(folder.Path, "bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "kubectl"), Repository.PathOf("tests", "Deploy.Tests", "Secrets", "fake-kubectl.sh"));
        var log = Path.Combine(folder.Path, "created.log");

        var (exitCode, output) = await Repository.RunAsync("env",
            [
                $"PATH={bin}:{Environment.GetEnvironmentVariable("PATH")}",
                $"FAKE_KUBECTL_LOG={log}",
                "UITSTROOM_STORE_CONNECTION=Host=db.example;Database=uitstroom;Username=uitstroom;Password=given-by-the-platform",
                "bash", Repository.PathOf("deploy", "k8s", "create-secrets.sh"), overlay,
            ],
            TimeSpan.FromMinutes(1));

        exitCode.ShouldBe(0, output);
        // Values go to kubectl only, never to the terminal.
        output.ShouldNotContain("Password=");
        return (await File.ReadAllLinesAsync(log))
            .Select(line => line.Split(' ', 2))
            .Select(parts => (Secret: parts[0], KeyValue: parts[1].Split('=', 2)))
            .ToDictionary(e => $"{e.Secret}/{e.KeyValue[0]}", e => e.KeyValue[1]);
    }

    // kustomize writes each secretKeyRef as a block with its keys sorted: key, name, optional.
    [GeneratedRegex(@"secretKeyRef:\s*\n\s*key: (?<key>\S+)\s*\n\s*name: (?<name>\S+)")]
    private static partial Regex SecretKeyRef();
}
