using System.Security.Cryptography;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Ingest.Importing;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest.Services;

/// <summary>
/// gRPC edge of imports: spools the uploaded bytes to a temporary file (hashing them on the way), runs the
/// <see cref="Importer"/> on it, and streams progress, rejected rows and the report back.
/// </summary>
public sealed class ImportService(Importer importer, IOptions<ImportLimits> limits) : Imports.ImportsBase
{
    private const long UploadProgressEvery = 8L << 20;
    private const int RejectionsPerMessage = 1000;

    public override async Task Import(IAsyncStreamReader<ImportRequest> requestStream, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct) || requestStream.Current.PartCase != ImportRequest.PartOneofCase.Start)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "an import starts with an ImportStart message naming the file"));
        }

        var start = requestStream.Current.Start;
        start.Board = context.ScopeWriteToOwnBoard(start.Board) ?? "";
        var request = Describe(start, context);
        var spool = Path.Combine(Path.GetTempPath(), $"uitstroom-import-{Guid.NewGuid():N}");
        try
        {
            string hash;
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                long received = 0, nextProgress = UploadProgressEvery;
                var maxBytes = limits.Value.MaxFileBytes;
                while (await NextChunkAsync(requestStream, ct))
                {
                    var chunk = requestStream.Current.Chunk.Memory;
                    if (received + chunk.Length > maxBytes)
                    {
                        // Refused while it arrives: the rest is never spooled, and nothing is stored.
                        throw new RpcException(new Status(StatusCode.ResourceExhausted,
                            $"the file is larger than {maxBytes:N0} bytes, the most one import may have ({ImportLimits.Setting(nameof(ImportLimits.MaxFileBytes))}); split it, for example per school year"));
                    }

                    sha.AppendData(chunk.Span);
                    await file.WriteAsync(chunk, ct);
                    received += chunk.Length;
                    if (received >= nextProgress)
                    {
                        nextProgress += UploadProgressEvery;
                        await responseStream.WriteAsync(new ImportEvent { Progress = new ImportProgress { Stage = "upload", BytesReceived = received } }, ct);
                    }
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var report = await RunAsync(spool, request with { ContentSha256 = hash }, responseStream, ct);
            foreach (var page in report.Rejections.Chunk(RejectionsPerMessage))
            {
                var rows = new RejectedRows();
                rows.Rows.AddRange(page.Select(r => new RejectedRow { Line = r.Line, JsonPath = r.Path, Reason = r.Reason }));
                await responseStream.WriteAsync(new ImportEvent { Rejected = rows }, ct);
            }

            await responseStream.WriteAsync(new ImportEvent { Report = ToMessage(report) }, ct);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>
    /// The next chunk, with gRPC's own "message too large" refusal restated to name the limit a deployment can raise.
    /// </summary>
    private async Task<bool> NextChunkAsync(IAsyncStreamReader<ImportRequest> requestStream, CancellationToken ct)
    {
        try
        {
            return await requestStream.MoveNext(ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"an upload chunk is larger than {limits.Value.MaxChunkBytes:N0} bytes, the most one message may have ({ImportLimits.Setting(nameof(ImportLimits.MaxChunkBytes))}); send the file in smaller chunks (the CLI sends 1 MB)"));
        }
    }

    private async Task<Importing.ImportReport> RunAsync(string spool, ImportRequestInfo request,
        IServerStreamWriter<ImportEvent> responseStream, CancellationToken ct)
    {
        // The importer reports progress synchronously from its loop; a channel hands it to the stream writer.
        var progress = Channel.CreateBounded<ImportProgressInfo>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var pump = Task.Run(async () =>
        {
            await foreach (var p in progress.Reader.ReadAllAsync(ct))
            {
                await responseStream.WriteAsync(new ImportEvent
                {
                    Progress = new ImportProgress { Stage = "import", RowsRead = p.RowsRead, RowsAccepted = p.RowsAccepted, RowsRejected = p.RowsRejected },
                }, ct);
            }
        }, ct);
        try
        {
            return await importer.ImportAsync(spool, request, p => progress.Writer.TryWrite(p), ct);
        }
        finally
        {
            progress.Writer.Complete();
            await pump;
        }
    }

    private static ImportRequestInfo Describe(ImportStart start, ServerCallContext context)
    {
        var board = string.IsNullOrWhiteSpace(start.Board) ? null : BoardNumber.Parse(start.Board);
        SchoolId? school = string.IsNullOrWhiteSpace(start.SchoolBrin) ? null : SchoolId.Create(start.SchoolBrin, start.SchoolVestiging);
        var who = string.IsNullOrWhiteSpace(start.RequestedBy) ? $"anonymous ({context.Peer})" : start.RequestedBy;
        var name = string.IsNullOrWhiteSpace(start.FileName) ? "(unnamed)" : Path.GetFileName(start.FileName);
        return new ImportRequestInfo(name, who, start.Strict, board, school, "");
    }

    private static Contracts.Ingest.V1.ImportReport ToMessage(Importing.ImportReport r)
    {
        var message = new Contracts.Ingest.V1.ImportReport
        {
            ImportId = r.ImportId,
            FileName = r.FileName,
            Format = r.Format,
            Encoding = r.Encoding,
            ContentSha256 = r.ContentSha256,
            Outcome = r.Outcome,
            RowsRead = r.RowsRead,
            RowsAccepted = r.RowsAccepted,
            RowsRejected = r.RowsRejected,
            RowsChanged = r.RowsChanged,
            Error = r.Error ?? "",
        };
        message.Warnings.AddRange(r.Warnings);
        message.Boards.AddRange(r.Boards);
        return message;
    }
}
