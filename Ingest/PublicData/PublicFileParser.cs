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

        var parsed = PublicFileKinds.Detect(csv.Header, fileName) switch
        {
            PublicFileKind.InspectieLeerresultaten => InspectieResultsReader.Read(csv, fileName),
            PublicFileKind.InspectieSchoolwegingJaar => SchoolwegingReader.ReadYear(csv, fileName),
            PublicFileKind.InspectieSchoolwegingDriejaars => SchoolwegingReader.ReadThreeYear(csv, fileName),
            PublicFileKind.DuoReferentieniveaus => DuoReader.ReadLevelCounts(csv, fileName),
            PublicFileKind.DuoSchoolvestigingen => DuoReader.ReadSchools(csv, fileName),
            var kind => throw new PublicFileException($"{fileName}: no reader for {kind}"),
        };
        return WithoutDuplicates(parsed);
    }

    /// <summary>A school twice in one file is an error in the file: the later row is rejected, naming the first.</summary>
    private static ParsedPublicFile WithoutDuplicates(ParsedPublicFile file)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<object>();
        var rejected = new List<RejectedLine>(file.Rejected);
        foreach (var row in file.Rows)
        {
            var (key, line) = row switch
            {
                InspectieResultRow r => ($"OVT {r.Ovt}", r.Line),
                SchoolwegingRow r => ($"OVT {r.Ovt}", r.Line),
                DuoLevelCountRow r => ($"vestiging {r.School} in {r.Year}", r.Line),
                DuoSchoolRow r => ($"vestiging {r.School}", r.Line),
                _ => throw new InvalidOperationException($"unknown row type {row.GetType().Name}"),
            };
            if (first.TryGetValue(key, out var earlier))
            {
                rejected.Add(new RejectedLine(line, $"{key} appears again (first on line {earlier})"));
                continue;
            }

            first[key] = line;
            rows.Add(row);
        }

        return file with { Rows = rows, Rejected = [.. rejected.OrderBy(r => r.Line)] };
    }
}
