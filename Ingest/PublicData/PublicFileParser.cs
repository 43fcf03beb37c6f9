namespace Uitstroom.Ingest.PublicData;

/// <summary>Reads any of the public files: detects its kind from the header and hands it to the right reader.</summary>
public static class PublicFileParser
{
    public static ParsedPublicFile Parse(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var csv = PublicCsv.Read(content, fileName);
        if (csv.Header.Count == 0 || (csv.Header.Count == 1 && string.IsNullOrWhiteSpace(csv.Header[0])))
        {
            throw new PublicFileException($"{fileName}: the file is empty (no header line)");
        }

        return PublicFileKinds.Detect(csv.Header, fileName) switch
        {
            PublicFileKind.InspectieLeerresultaten => InspectieResultsReader.Read(csv, fileName),
            PublicFileKind.InspectieSchoolwegingJaar => SchoolwegingReader.ReadYear(csv, fileName),
            PublicFileKind.InspectieSchoolwegingDriejaars => SchoolwegingReader.ReadThreeYear(csv, fileName),
            PublicFileKind.DuoReferentieniveaus => DuoReader.ReadLevelCounts(csv, fileName),
            PublicFileKind.DuoSchoolvestigingen => DuoReader.ReadSchools(csv, fileName),
            var kind => throw new PublicFileException($"{fileName}: no reader for {kind}"),
        };
    }
}
