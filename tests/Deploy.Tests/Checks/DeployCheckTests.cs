namespace Uitstroom.Deploy.Tests.Checks;

/// <summary>
/// scripts/check-deploy.sh holds for the real deployment artifacts, and fails, naming the rule, for each broken
/// overlay in BadManifests/ and each broken Dockerfile.
/// </summary>
public class DeployCheckTests
{
    [Fact]
    public async Task Every_overlay_renders_offline_and_every_deployment_rule_holds()
    {
        var (exitCode, output) = await Repository.CheckDeployAsync();

        output.ShouldContain("deployment rules hold: dev, prod; Dockerfiles; Aspire manifest");
        exitCode.ShouldBe(0, output);
    }

    [Theory]
    [InlineData("inline-secret", "ingest: no inline secret: env ConnectionStrings__store carries a credential")]
    [InlineData("secret-in-repo", "Secret/uitstroom-pupil-key: no inline secret")]
    [InlineData("missing-probe", "predict/predict: probes: no readinessProbe")]
    [InlineData("probe-on-grpc-port", "ingest: probes: livenessProbe must GET /alive on the http port")]
    [InlineData("runs-as-root", "reporting/reporting: non-root: runAsNonRoot is not true")]
    [InlineData("no-limits", "normalise/normalise: resources: no limits.memory")]
    [InlineData("headless-service", "predict: balancing: Service predict is headless")]
    public async Task A_broken_overlay_fails_the_check_and_names_the_rule(string overlay, string expected)
    {
        var folder = Repository.PathOf("tests", "Deploy.Tests", "BadManifests", overlay);

        var (exitCode, output) = await Repository.CheckDeployAsync("--overlay", folder, "--aspire", "none");

        exitCode.ShouldBe(1, output);
        output.ShouldContain($"FAIL {overlay}/");
        output.ShouldContain(expected);
    }

    [Fact]
    public async Task An_overlay_only_a_current_kustomize_renders_fails_the_check()
    {
        // CI may have Debian's kubectl 1.20 (kustomize v2.0.3): an overlay must not need anything newer.
        var folder = Repository.PathOf("tests", "Deploy.Tests", "BadManifests", "newer-kustomize");

        var (exitCode, output) = await Repository.CheckDeployAsync("--overlay", folder, "--aspire", "none");

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("kustomize v2: 'patches' is unknown to kustomize v2.0.3");
    }

    [Theory]
    [InlineData("ingest", "EXPOSE 5110 5111", "EXPOSE 8080 5111", "ingest.Dockerfile: ports: EXPOSE [5111, 8080]")]
    [InlineData("reporting", "\"Uitstroom.Reporting.dll\"", "\"Reporting.dll\"", "reporting.Dockerfile: entry point")]
    [InlineData("predict", "USER 1654", "USER root", "predict.Dockerfile: non-root: USER root")]
    [InlineData("normalise", "COPY Domain/ Domain/", "", "normalise.Dockerfile: build context: Normalise needs Domain/")]
    [InlineData("ingest", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS runtime", "ingest.Dockerfile: runtime")]
    public async Task A_Dockerfile_that_disagrees_with_the_manifests_fails_the_check(
        string service, string line, string replacement, string expected)
    {
        using var docker = new TempFolder();
        foreach (var file in Directory.GetFiles(Repository.PathOf("deploy", "docker")))
        {
            File.Copy(file, Path.Combine(docker.Path, Path.GetFileName(file)));
        }

        var dockerfile = Path.Combine(docker.Path, $"{service}.Dockerfile");
        var text = await File.ReadAllTextAsync(dockerfile);
        text.ShouldContain(line);
        await File.WriteAllTextAsync(dockerfile, text.Replace(line, replacement, StringComparison.Ordinal));

        var (exitCode, output) = await Repository.CheckDeployAsync("--dockerfiles", docker.Path, "--aspire", "none");

        exitCode.ShouldBe(1, output);
        output.ShouldContain(expected);
    }
}
