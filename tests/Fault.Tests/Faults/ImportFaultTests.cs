using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Tests.Stack;

namespace Uitstroom.Fault.Tests.Faults;

/// <summary>
/// Issue 9, acceptance 2 — the import fault cases: a fault in the middle of an import leaves the store exactly as it
/// was (one transaction per file), and importing the same file again afterwards stores it whole.
/// </summary>
public class ImportFaultTests(ImportProcesses stack) : IClassFixture<ImportProcesses>
{
    /// <summary>Ingest reports import progress every 50,000 rows; a fault at the first report lands mid-file.</summary>
    private const long MidImport = 50_000;

    [Fact]
    public async Task Normalise_going_down_during_an_import_fails_it_atomically_and_the_retry_succeeds()
    {
        var file = stack.World.MergedLvs("cito");
        var before = await stack.Store.FingerprintAsync();
        var (channel, ingest) = StackClients.Grpc(stack.Ingest.Grpc);
        using (channel)
        {
            var killedAt = 0L;
            var failure = await Should.ThrowAsync<RpcException>(() => ImportUpload.ImportAsync(ingest, file, async e =>
            {
                if (killedAt == 0 && e.Progress is { Stage: "import", RowsRead: >= MidImport } p)
                {
                    killedAt = p.RowsRead;
                    await stack.Normalise.KillAsync();
                }
            }));

            killedAt.ShouldBeGreaterThanOrEqualTo(MidImport, "Normalise was to be killed in the middle of the import");
            failure.StatusCode.ShouldBe(StatusCode.Unavailable);
            failure.Status.Detail.ShouldContain("nothing of this file was stored");
            (await stack.Store.FingerprintAsync()).ShouldBe(before);

            await stack.Normalise.StartAsync();
            var retry = await ImportUpload.ImportAsync(ingest, file);

            retry.Outcome.ShouldBe("committed", retry.Error);
            retry.Warnings.ShouldBeEmpty();
            var after = await stack.Store.FingerprintAsync();
            after.LvsRows.ShouldBe(before.LvsRows + retry.RowsAccepted);
            after.LvsWithoutUniform.ShouldBe(before.LvsWithoutUniform, "every result of the retry was normalised");
            after.Imports.ShouldBe(before.Imports + 1);
        }
    }

    [Fact]
    public async Task Ingest_killed_in_the_middle_of_an_import_stores_no_partial_batch_and_the_retry_imports_the_file_whole()
    {
        var file = stack.World.MergedLvs("iep");
        var before = await stack.Store.FingerprintAsync();
        var (channel, ingest) = StackClients.Grpc(stack.Ingest.Grpc);
        using (channel)
        {
            var killedAt = 0L;
            await Should.ThrowAsync<RpcException>(() => ImportUpload.ImportAsync(ingest, file, async e =>
            {
                if (killedAt == 0 && e.Progress is { Stage: "import", RowsRead: >= MidImport } p)
                {
                    killedAt = p.RowsRead;
                    // SIGKILL: no shutdown code, no rollback by Ingest; only the store's own atomicity protects it.
                    await stack.Ingest.KillAsync();
                }
            }));

            killedAt.ShouldBeGreaterThanOrEqualTo(MidImport, "Ingest was to be killed in the middle of the import");
            (await stack.Store.FingerprintAsync()).ShouldBe(before);
        }

        await stack.Ingest.StartAsync();
        (channel, ingest) = StackClients.Grpc(stack.Ingest.Grpc);
        using (channel)
        {
            var retry = await ImportUpload.ImportAsync(ingest, file);

            retry.Outcome.ShouldBe("committed", retry.Error);
            retry.RowsRead.ShouldBeGreaterThan(MidImport);
            var after = await stack.Store.FingerprintAsync();
            after.LvsRows.ShouldBe(before.LvsRows + retry.RowsAccepted);
            after.Imports.ShouldBe(before.Imports + 1);
        }
    }
}
