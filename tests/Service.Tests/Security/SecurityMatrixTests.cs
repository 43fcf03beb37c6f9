using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using Grpc.Health.V1;
using IngestV1 = Uitstroom.Contracts.Ingest.V1;
using ReportingV1 = Uitstroom.Contracts.Reporting.V1;
using static Uitstroom.Service.Tests.Security.SecuredServices;

namespace Uitstroom.Service.Tests.Security;

/// <summary>
/// Acceptance 1 of issue 9 for gRPC: every RPC of every service refuses a missing or wrong key as Unauthenticated
/// and another board's key as PermissionDenied; list calls give a board key only its own board; the owner's key
/// (or an admin's) is not refused, so the checks are not a blanket refusal.
/// </summary>
public sealed class SecurityMatrixTests(SecuredServices stack) : IClassFixture<SecuredServices>
{
    /// <summary>Well-formed but unknown, a known id with a wrong secret, and not a key at all.</summary>
    private static readonly string[] WrongKeys =
    [
        "uit_000000000000_" + new string('0', 64),
        "garbage",
        "Basic dXNlcjpwYXNz",
    ];

    [Fact]
    public void Every_rpc_of_every_service_has_a_row_in_the_matrix()
    {
        var rpcs = RpcMatrix.Methods.Select(m => $"{m.Service.FullName}/{m.Name}").ToHashSet();
        var covered = RpcMatrix.Cases.Select(c => c.Method).ToHashSet();

        rpcs.Except(covered).ShouldBeEmpty("an RPC without a security case: add it to RpcMatrix.Cases and docs/security.md");
        covered.Except(rpcs).ShouldBeEmpty();
    }

    [Fact]
    public void Every_gRPC_endpoint_the_services_map_is_in_the_matrix_or_is_health_or_reflection()
    {
        var known = RpcMatrix.Methods.Select(m => $"/{m.Service.FullName}/{m.Name}").ToHashSet();
        foreach (var host in stack.All)
        {
            var mapped = Endpoints(host).Where(p => p.StartsWith("/uitstroom.", StringComparison.Ordinal));
            mapped.Except(known).ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(RpcMatrix.All), MemberType = typeof(RpcMatrix))]
    public async Task An_rpc_called_without_a_key_is_Unauthenticated(RpcCase rpc)
    {
        using var channel = stack.For(rpc.Method).Channel(null);

        var (status, detail, responses) = await RpcMatrix.CallAsync(channel, rpc);

        status.ShouldBe(StatusCode.Unauthenticated, detail);
        responses.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RpcMatrix.All), MemberType = typeof(RpcMatrix))]
    public async Task An_rpc_called_with_a_wrong_key_is_Unauthenticated(RpcCase rpc)
    {
        // A real key's id with another secret: the hash must decide, not the id.
        var knownIdWrongSecret = stack.KeyA[..17] + new string('f', 64);
        foreach (var key in WrongKeys.Append(knownIdWrongSecret))
        {
            using var channel = stack.For(rpc.Method).Channel(key);

            var (status, detail, responses) = await RpcMatrix.CallAsync(channel, rpc);

            status.ShouldBe(StatusCode.Unauthenticated, $"{key}: {detail}");
            responses.ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(RpcMatrix.BoardOrAdmin), MemberType = typeof(RpcMatrix))]
    public async Task An_rpc_naming_another_boards_data_or_needing_an_admin_is_PermissionDenied_for_a_board_key(RpcCase rpc)
    {
        using var channel = stack.For(rpc.Method).Channel(stack.KeyB);

        var (status, detail, responses) = await RpcMatrix.CallAsync(channel, rpc);

        status.ShouldBe(StatusCode.PermissionDenied, detail);
        responses.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RpcMatrix.All), MemberType = typeof(RpcMatrix))]
    public async Task The_owners_key_or_an_admin_key_is_not_refused(RpcCase rpc)
    {
        var key = rpc.Scope is Scope.Board && rpc.OwnerMayCall ? stack.KeyA : rpc.Scope is Scope.AnyKey or Scope.List ? stack.KeyB : stack.Admin;
        using var channel = stack.For(rpc.Method).Channel(key);

        var (status, detail, _) = await RpcMatrix.CallAsync(channel, rpc);

        // Other statuses are the RPC's own answer to this small store (NotFound, FailedPrecondition, InvalidArgument).
        status.ShouldNotBe(StatusCode.Unauthenticated, detail);
        status.ShouldNotBe(StatusCode.PermissionDenied, detail);
    }

    [Fact]
    public async Task Ingest_lists_only_the_callers_own_board_to_a_board_key_and_every_board_to_an_admin()
    {
        async Task<string[]> Boards(string key)
        {
            using var channel = stack.Ingest.Channel(key);
            var reply = await new IngestV1.Registry.RegistryClient(channel).ListBoardsAsync(new IngestV1.ListBoardsRequest());
            return [.. reply.Boards.Select(b => b.Bgnr).Order()];
        }

        (await Boards(stack.KeyB)).ShouldBe([BoardB]);
        (await Boards(stack.KeyA)).ShouldBe([BoardA]);
        (await Boards(stack.Admin)).ShouldBe([BoardB, BoardA]);
    }

    [Fact]
    public async Task Reporting_lists_only_the_callers_own_board_to_a_board_key()
    {
        using var channel = stack.Reporting.Channel(stack.KeyB);

        var reply = await new ReportingV1.BoardReports.BoardReportsClient(channel).ListBoardsAsync(new ReportingV1.ListBoardsRequest());

        reply.Boards.Select(b => b.Bgnr).ShouldBe([BoardB]);
    }

    [Fact]
    public async Task A_board_key_reaches_its_own_overview_through_Reporting_Predict_and_Ingest_as_its_credential_is_forwarded()
    {
        using var channel = stack.Reporting.Channel(stack.KeyA);

        var overview = await new ReportingV1.BoardReports.BoardReportsClient(channel)
            .GetBoardOverviewAsync(new ReportingV1.GetBoardOverviewRequest { Bgnr = BoardA });

        overview.Bgnr.ShouldBe(BoardA);
        overview.Schools.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_board_key_imports_only_into_its_own_board_even_when_the_import_names_no_board()
    {
        using var channel = stack.Ingest.Channel(stack.KeyB);

        // The same file board A imported: with B's key its rows are A's schools, so none is accepted.
        var result = await Ingest.ImportClient.ImportAsync(channel, "lvs.csv", Ingest.Files.Lvs(Ingest.Files.ValidLvs));

        result.Report.RowsAccepted.ShouldBe(0);
        result.Rejected.ShouldAllBe(r => r.Reason.Contains("belongs to board 41565", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_board_key_cannot_move_another_boards_school_to_itself_with_a_schools_file()
    {
        using var channel = stack.Ingest.Channel(stack.KeyB);

        var result = await Ingest.ImportClient.ImportAsync(channel, "scholen.csv", "bestuur;brin;vestiging;naam;schoolweging\n12345;00AP;0;Gekaapt;30,00\n");

        result.Report.RowsAccepted.ShouldBe(0);
        result.Rejected.Single().Reason.ShouldContain("registered to board 41565");
    }

    [Fact]
    public async Task Health_answers_without_a_key_on_every_service_over_HTTP_and_gRPC()
    {
        foreach (var host in stack.All)
        {
            using var http = host.Http(null);
            (await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode.ShouldBeTrue();
            (await http.GetAsync(new Uri("/alive", UriKind.Relative))).IsSuccessStatusCode.ShouldBeTrue();
            using var channel = host.Channel(null);
            (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest())).Status
                .ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
        }
    }

    [Fact]
    public async Task Reflection_needs_a_key()
    {
        using var channel = stack.Predict.Channel(null);
        using var call = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        var refused = await Should.ThrowAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        refused.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    private static IEnumerable<string> Endpoints(IHost host) =>
        host.Server.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            // gRPC's catch-all for methods a service does not implement answers Unimplemented, whoever calls.
            .Where(p => !p.Contains(":grpcunimplemented", StringComparison.Ordinal));
}
