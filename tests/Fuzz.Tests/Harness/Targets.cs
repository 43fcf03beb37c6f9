using System.Text;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Ingest.Parsing;
using Uitstroom.Ingest.PublicData;

namespace Uitstroom.Fuzz;

/// <summary>
/// Every parser that reads a file from outside, wrapped the way its caller uses it: Ingest's import reads CSV and
/// chain JSON from a spooled file (refusal: <see cref="ImportFileException"/>, bad rows: the rejected-row report),
/// the public-data import reads bytes (refusal: <see cref="PublicFileException"/>, which names the file), Normalise reads a norm table
/// from text (refusal: <see cref="DomainFormatException"/>).
/// </summary>
public static class Targets
{
    private static readonly string Spool = CreateSpool();

    public static ParserTarget LvsCsv { get; } = Csv("ingest-lvs-csv", [Seeds.Utf8(Seeds.Lvs), Seeds.Utf8(Seeds.LvsComma)]);

    public static ParserTarget OutflowCsv { get; } = Csv("ingest-outflow-csv", [Seeds.Utf8(Seeds.Outflow)]);

    public static ParserTarget SchoolsCsv { get; } = Csv("ingest-schools-csv", [Seeds.Utf8(Seeds.Schools)]);

    public static ParserTarget ChainJson { get; } = new(
        "ingest-chain-json",
        bytes => WithSpooledFile(bytes, ".json", path => Rows(ChainJsonParser.Parse(path, new SchoolId("00AP", 0)))),
        e => e is ImportFileException,
        [Seeds.Utf8(Seeds.ChainJson), Seeds.Utf8(Seeds.ChainJsonBare)],
        RowsAreIndependent: false);

    public static ParserTarget NormTable { get; } = new(
        "norm-table",
        bytes =>
        {
            var table = NormTableReader.Read(new StringReader(Encoding.UTF8.GetString(bytes)), "fuzz.csv");
            return new ParseResult([.. table.Cuts.Select((c, i) => (i, (object)c))], [], null);
        },
        e => e is DomainFormatException,
        Seeds.NormTables(),
        RowsAreIndependent: false);

    public static IReadOnlyList<ParserTarget> PublicData { get; } =
        [.. Seeds.PublicFiles.Select(file => new ParserTarget(
            $"public-{file[..file.IndexOf('_', 4)].Replace("duo_", "duo", StringComparison.Ordinal)}-{Seeds.PublicKindNames[file]}",
            bytes => Public(PublicFileParser.Parse(bytes, file)),
            e => e is PublicFileException,
            [Seeds.PublicHead(file)],
            RowsAreIndependent: true))];

    public static IReadOnlyList<ParserTarget> All { get; } = [LvsCsv, OutflowCsv, SchoolsCsv, ChainJson, NormTable, .. PublicData];

    public static ParserTarget Named(string name) => All.Single(t => t.Name == name);

    private static ParserTarget Csv(string name, IReadOnlyList<byte[]> seeds) => new(
        name,
        bytes => WithSpooledFile(bytes, ".csv", path =>
        {
            using var table = CsvTable.Open(path);
            return table.Format switch
            {
                FileFormat.LvsCsv => Rows(new LvsCsvParser(table).Rows()),
                FileFormat.OutflowCsv => Rows(new OutflowCsvParser(table).Rows()),
                _ => Rows(new SchoolsCsvParser(table).Rows()),
            };
        }),
        e => e is ImportFileException,
        seeds,
        RowsAreIndependent: true);

    private static ParseResult Rows<T>(IEnumerable<Parsed<T>> rows)
        where T : class
    {
        var accepted = new List<(int, object)>();
        var rejected = new List<int>();
        foreach (var row in rows)
        {
            if (row.Value is { } value)
            {
                accepted.Add((row.Line, value));
            }
            else
            {
                // Every rejection must say why; an empty reason would be a useless report.
                rejected.Add(string.IsNullOrWhiteSpace(row.Reason)
                    ? throw new InvalidOperationException($"line {row.Line} was rejected without a reason")
                    : row.Line);
            }
        }

        return new ParseResult(accepted, rejected, null);
    }

    private static ParseResult Public(ParsedPublicFile file)
    {
        // Records with a dictionary compare by reference, so rows are compared by their text form plus counts.
        var accepted = file.Rows.Select(r => r switch
        {
            DuoLevelCountRow d => (d.Line, (object)$"{d with { Counts = null! }} {string.Join(",", d.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}"),
            InspectieResultRow i => (i.Line, $"{i with { Years = null! }} {string.Join(",", i.Years)}"),
            SchoolwegingRow s => (s.Line, s),
            DuoSchoolRow s => (s.Line, s),
            _ => throw new InvalidOperationException($"unknown row {r.GetType().Name}"),
        }).ToList();
        return new ParseResult(accepted, [.. file.Rejected.Select(r => r.Line)], null) { RejectedReasons = [.. file.Rejected.Select(r => r.Reason)] };
    }

    /// <summary>One folder per process for the spooled inputs, removed when the process ends.</summary>
    private static string CreateSpool()
    {
        var folder = Directory.CreateTempSubdirectory("uitstroom-fuzz-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>The import spools an upload to a file before parsing; so does the fuzzer, one file per input.</summary>
    private static ParseResult WithSpooledFile(byte[] bytes, string extension, Func<string, ParseResult> parse)
    {
        var path = Path.Combine(Spool, $"{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        try
        {
            return parse(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
