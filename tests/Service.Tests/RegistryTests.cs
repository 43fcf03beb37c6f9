using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;

namespace Uitstroom.Service.Tests;

public sealed class RegistryTests : IDisposable
{
    private readonly TempSqlite _db = new();

    public void Dispose() => _db.Dispose();

    private ServiceHost<IngestProgram> Host() =>
        new(new Dictionary<string, string?> { ["ConnectionStrings:store"] = _db.ConnectionString });

    [Fact]
    public async Task A_new_store_is_migrated_at_start_and_lists_no_boards()
    {
        await using var host = Host();
        using var channel = host.Channel();

        var reply = await new Registry.RegistryClient(channel).ListBoardsAsync(new ListBoardsRequest());

        reply.Boards.ShouldBeEmpty();
    }

    [Fact]
    public async Task Asking_for_the_schools_of_an_unknown_board_is_NotFound_naming_the_board()
    {
        await using var host = Host();
        using var channel = host.Channel();

        var error = await Should.ThrowAsync<RpcException>(async () =>
            await new Registry.RegistryClient(channel).ListSchoolsAsync(new ListSchoolsRequest { Bgnr = "41565" }));

        error.StatusCode.ShouldBe(StatusCode.NotFound);
        error.Status.Detail.ShouldContain("41565");
    }

    [Fact]
    public async Task A_malformed_board_number_is_InvalidArgument()
    {
        await using var host = Host();
        using var channel = host.Channel();

        var error = await Should.ThrowAsync<RpcException>(async () =>
            await new Registry.RegistryClient(channel).ListSchoolsAsync(new ListSchoolsRequest { Bgnr = "4x565" }));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldContain("4x565");
    }
}
