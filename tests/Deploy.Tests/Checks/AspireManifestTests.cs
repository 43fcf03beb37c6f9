using System.Text.Json.Nodes;

namespace Uitstroom.Deploy.Tests.Checks;

/// <summary>
/// The Aspire manifest in deploy/aspire is what the AppHost publishes today, and the check compares it with the
/// Kubernetes manifests: same services, env and connection names, ports, images.
/// </summary>
public class AspireManifestTests
{
    private static string CheckedIn => Repository.PathOf("deploy", "aspire", "aspire-manifest.json");

    [Fact]
    public async Task The_AppHost_in_publish_mode_produces_the_checked_in_manifest()
    {
        using var output = new TempFolder();
        var published = Path.Combine(output.Path, "aspire-manifest.json");
        var appHost = Repository.PathOf("AppHost", "bin", Repository.Configuration, "net10.0", "AppHost.dll");

        var (exitCode, log) = await Repository.RunAsync(
            "dotnet", [appHost, "--publisher", "manifest", "--output-path", published], TimeSpan.FromMinutes(2));

        exitCode.ShouldBe(0, log);
        // Project paths are relative to the output folder, so they differ by where it was written; nothing else may.
        var fresh = WithoutProjectPaths(JsonNode.Parse(await File.ReadAllTextAsync(published))!);
        var expected = WithoutProjectPaths(JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!);
        fresh.ToJsonString().ShouldBe(expected.ToJsonString(),
            "regenerate it: dotnet AppHost/bin/Release/net10.0/AppHost.dll --publisher manifest --output-path $PWD/deploy/aspire/aspire-manifest.json");

        var (checkExit, checkOutput) = await Repository.CheckDeployAsync("--aspire", published);
        checkExit.ShouldBe(0, checkOutput);
    }

    [Fact]
    public async Task A_setting_the_AppHost_gives_a_service_but_the_manifests_do_not_fails_the_check()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        manifest["resources"]!["predict"]!["env"]!["Predict__Horizon"] = "3";

        var (exitCode, output) = await CheckAsync(manifest);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("aspire/predict vs dev: same env: the AppHost sets Predict__Horizon, the Deployment does not");
    }

    [Fact]
    public async Task A_gRPC_port_that_differs_from_the_container_port_fails_the_check()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        manifest["resources"]!["ingest"]!["bindings"]!["grpc"]!["targetPort"] = 8001;

        var (exitCode, output) = await CheckAsync(manifest);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("aspire/ingest vs prod: ports: binding grpc targets 8001, the container port grpc is 5111");
    }

    [Fact]
    public async Task A_service_the_AppHost_declares_but_Kubernetes_does_not_deploy_fails_the_check()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        manifest["resources"]!["exports"] = JsonNode.Parse("""{ "type": "project.v0", "path": "../../Exports/Exports.csproj" }""");

        var (exitCode, output) = await CheckAsync(manifest);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("aspire: same services");
    }

    private static async Task<(int, string)> CheckAsync(JsonNode manifest)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "aspire-manifest.json");
        await File.WriteAllTextAsync(path, manifest.ToJsonString());
        return await Repository.CheckDeployAsync("--aspire", path);
    }

    private static JsonNode WithoutProjectPaths(JsonNode manifest)
    {
        foreach (var (_, resource) in manifest["resources"]!.AsObject())
        {
            resource!.AsObject().Remove("path");
        }

        return manifest;
    }
}
