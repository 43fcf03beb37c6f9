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

    public static Task<ImportReport> ImportAsync(
        CallInvoker ingest, string fileName, byte[] content, Func<ImportEvent, Task>? onEvent = null, CancellationToken ct = default) =>
        ImportAsync(ingest, new ImportStart { FileName = fileName }, content, onEvent, ct);

    /// <param name="start">The file's name and options (strict, board, school); its size is set from <paramref name="content"/>.</param>
    public static async Task<ImportReport> ImportAsync(
        CallInvoker ingest, ImportStart start, byte[] content, Func<ImportEvent, Task>? onEvent = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(content);
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

            return report ?? throw new InvalidOperationException($"{start.FileName}: Ingest ended the import without a report");
        }, ct);

        var opening = start.Clone();
        opening.SizeBytes = content.Length;
        if (opening.RequestedBy.Length == 0)
        {
            opening.RequestedBy = "uitstroom tests";
        }

        try
        {
            await call.RequestStream.WriteAsync(new ImportRequest { Start = opening }, ct);
            for (var offset = 0; offset < content.Length; offset += ChunkSize)
            {
                await call.RequestStream.WriteAsync(new ImportRequest
                {
                    Chunk = ByteString.CopyFrom(content, offset, Math.Min(ChunkSize, content.Length - offset)),
                }, ct);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Ingest ended the call while the file was still going up (a refusal, a fault): its status says why,
            // the failed write does not.
            await reading;
            throw;
        }

        return await reading;
    }
}
