using Google.Protobuf;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Tests;

namespace Uitstroom.Service.Tests.PublicData;

/// <summary>Sends public files to Ingest as the CLI does: client-streaming chunks, the first naming the file.</summary>
internal static class PublicFiles
{
    /// <summary>Every public file the look-back needs, in no particular order (imports do not depend on each other).</summary>
    public static readonly string[] All =
    [
        "inspectie_leerresultaten_po_2023_2024_2025.csv",
        "inspectie_schoolweging_driejaarsgemiddelde_2122_2223_2324.csv",
        "inspectie_schoolweging_2023-2024.csv",
        "duo_02_alle_schoolvestigingen_basisonderwijs.csv",
        "duo_10_leerlingen_bo_referentieniveaus_2024-2025.csv",
    ];

    public static Task<PublicImportSummary> ImportAsync(Contracts.Ingest.V1.PublicData.PublicDataClient client, string file) =>
        ImportAsync(client, file, File.ReadAllBytes(SharedData.Duo(file)));

    public static async Task<PublicImportSummary> ImportAsync(Contracts.Ingest.V1.PublicData.PublicDataClient client, string name, byte[] content)
    {
        using var call = client.Import(deadline: DateTime.UtcNow.AddMinutes(2));
        const int chunk = 256 * 1024;
        for (var offset = 0; offset == 0 || offset < content.Length; offset += chunk)
        {
            await call.RequestStream.WriteAsync(new PublicFileChunk
            {
                FileName = offset == 0 ? name : "",
                Data = ByteString.CopyFrom(content, offset, Math.Min(chunk, content.Length - offset)),
            });
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
