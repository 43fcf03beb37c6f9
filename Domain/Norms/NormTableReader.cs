using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>
/// Reads a norm table file: <c># key: value</c> header lines (provider, version, source, illustrative), then a
/// <c>vak;toetsmoment;cut_1f;cut_streef</c> header and one row per subject and moment. Errors name the line.
/// </summary>
public static class NormTableReader
{
    public static NormTable Read(TextReader reader, string origin)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var cuts = new List<NormCut>();
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    meta[line[1..colon].Trim()] = line[(colon + 1)..].Trim();
                }

                continue;
            }

            var fields = line.Split(';');
            if (!sawHeader)
            {
                sawHeader = true;
                continue;
            }

            if (fields.Length != 4)
            {
                throw new FormatException($"{origin} line {lineNumber}: expected 4 fields (vak;toetsmoment;cut_1f;cut_streef), found {fields.Length}");
            }

            try
            {
                cuts.Add(new NormCut(
                    Subjects.Parse(fields[0]),
                    TestMoment.Parse(fields[1]),
                    ParseNumber(fields[2]),
                    ParseNumber(fields[3])));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{origin} line {lineNumber}: {e.Message}", e);
            }
        }

        string Required(string key) =>
            meta.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new FormatException($"{origin}: header '# {key}:' is missing");

        return new NormTable(
            Required("provider").ToUpperInvariant(),
            int.Parse(Required("version")),
            Required("source"),
            bool.Parse(meta.GetValueOrDefault("illustrative", "true")),
            cuts);
    }

    private static double ParseNumber(string text) =>
        double.TryParse(text.Replace(',', '.'), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a number");
}
