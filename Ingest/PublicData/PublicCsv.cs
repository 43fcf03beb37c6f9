using nietras.SeparatedValues;

namespace Uitstroom.Ingest.PublicData;

/// <summary>One row of a public file: its 1-based line number and its cells by column name.</summary>
public sealed class PublicRow(int line, IReadOnlyDictionary<string, int> columns, string[] cells)
{
    public int Line { get; } = line;

    public string this[string column] =>
        columns.TryGetValue(column, out var i) ? cells[i] : throw new FormatException($"column '{column}' is missing");
}

/// <summary>A public CSV read with Sep: the header, then every row with its line number.</summary>
public sealed record PublicCsv(IReadOnlyList<string> Header, IReadOnlyList<PublicRow> Rows)
{
    public static PublicCsv Read(byte[] content, string fileName)
    {
        try
        {
            // Unescape: the files quote cells with commas in them ("[31,32)", names with quotes).
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true })
                .From(new MemoryStream(content));
            var header = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF')).ToArray();
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                columns.TryAdd(header[i], i);
            }

            var rows = new List<PublicRow>();
            foreach (var row in reader)
            {
                var cells = new string[header.Length];
                for (var i = 0; i < header.Length; i++)
                {
                    cells[i] = i < row.ColCount ? row[i].ToString() : "";
                }

                rows.Add(new PublicRow(row.LineNumberFrom, columns, cells));
            }

            return new PublicCsv(header, rows);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new PublicFileException($"{fileName}: not a readable CSV file ({e.Message})");
        }
    }
}
