using Google.Protobuf;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;

namespace Uitstroom.Tests.Stack;

/// <summary>
/// Uploads one file through Ingest's Import RPC as the CLI does (ImportStart, chunks, close) and returns the report.
/// <paramref name="onEvent"/> sees every event Ingest sends (progress, rejections, the report) as it arrives: the
/// fault tests kill a service when the import stage has begun.
/// </summary>
public static class ImportUpload
{
    public const int ChunkSize = 64 * 1024;

    public static async Task<ImportReport> ImportAsync(
        CallInvoker ingest, string path, Func<ImportEvent, Task>? onEvent = null, CancellationToken ct = default) =>
        await ImportAsync(ingest, Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct), onEvent, ct);

    public static async Task<ImportReport> ImportAsync(
        CallInvoker ingest, string fileName, byte[] content, Func<ImportEvent, Task>? onEvent = null, CancellationToken ct = default)
    {
        var client = new Imports.ImportsClient(ingest);
        using var call = client.Import(deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: ct);
        var reading = Task.Run(async () =>
        {
            ImportReport? report = null;
            await foreach (var e in call.ResponseStream.ReadAllAsync(ct))
            {
                if (onEvent is not null)
                {
                    await onEvent(e);
                }

                if (e.EventCase == ImportEvent.EventOneofCase.Report)
                {
                    report = e.Report;
                }
            }

            return report ?? throw new InvalidOperationException($"{fileName}: Ingest ended the import without a report");
        }, ct);

        await call.RequestStream.WriteAsync(new ImportRequest
        {
            Start = new ImportStart { FileName = fileName, SizeBytes = content.Length, RequestedBy = "uitstroom tests" },
        }, ct);
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
        {
            await call.RequestStream.WriteAsync(new ImportRequest
            {
                Chunk = ByteString.CopyFrom(content, offset, Math.Min(ChunkSize, content.Length - offset)),
            }, ct);
        }

        await call.RequestStream.CompleteAsync();
        return await reading;
    }
}
