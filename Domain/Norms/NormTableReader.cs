using System.Globalization;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>
/// Reads a norm table file: <c># key: value</c> header lines (provider, version, source, illustrative, and
/// optionally scale, aliases, score_min, score_max), then a <c>vak;toetsmoment;cut_1f;cut_streef</c> header, optionally
/// followed by <c>;norm_mean;norm_sd</c>, and one row per subject and moment. The separator is ';' (decimal comma
/// allowed) or ',' (decimal point). Errors name the line and the reason.
/// </summary>
public static class NormTableReader
{
    private static readonly string[] RequiredColumns = ["vak", "toetsmoment", "cut_1f", "cut_streef"];
    private static readonly string[] NormColumns = ["norm_mean", "norm_sd"];

    /// <param name="defaultVersion">The version when the file states none (registration assigns the next one).</param>
    public static NormTable Read(TextReader reader, string origin, int? defaultVersion = null)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var cuts = new List<NormCut>();
        var seen = new HashSet<(Subject, TestMoment)>();
        var lineNumber = 0;
        char? separator = null;
        var withNorms = false;
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

            // The first non-comment line is the column header; it also fixes the separator.
            if (separator is null)
            {
                separator = line.Contains(';', StringComparison.Ordinal) ? ';' : ',';
                var names = line.TrimStart('\uFEFF').Split(separator.Value).Select(n => n.Trim().ToLowerInvariant()).ToArray();
                withNorms = names.Length == 6;
                if (!(names.Length is 4 or 6) || !names.AsSpan(0, 4).SequenceEqual(RequiredColumns)
                    || (withNorms && !names.AsSpan(4).SequenceEqual(NormColumns)))
                {
                    throw new DomainFormatException(
                        $"{origin} line {lineNumber}: expected the header vak;toetsmoment;cut_1f;cut_streef[;norm_mean;norm_sd], found '{line}'");
                }

                continue;
            }

            cuts.Add(ReadRow(line.Split(separator.Value), withNorms, origin, lineNumber, seen));
        }

        if (separator is null)
        {
            throw new DomainFormatException($"{origin}: no header line vak;toetsmoment;cut_1f;cut_streef found");
        }

        if (cuts.Count == 0)
        {
            throw new DomainFormatException($"{origin}: the table has no rows");
        }

        string Required(string key) =>
            meta.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new DomainFormatException($"{origin}: header '# {key}:' is missing");

        var provider = Required("provider").ToUpperInvariant();
        if (!IsProviderCode(provider))
        {
            throw new DomainFormatException(
                $"{origin}: provider '{provider}' is not a valid code (letters, digits, '_' or '-', at most 40 characters)");
        }

        var version = meta.TryGetValue("version", out var versionText) && versionText.Length > 0
            ? int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new DomainFormatException($"{origin}: '# version: {versionText}' is not a positive whole number")
            : defaultVersion ?? throw new DomainFormatException($"{origin}: header '# version:' is missing");
        var illustrative = !meta.TryGetValue("illustrative", out var illText) || illText.Length == 0
            || (bool.TryParse(illText, out var ill)
                ? ill
                : throw new DomainFormatException($"{origin}: '# illustrative: {illText}' is not true or false"));
        var min = OptionalNumber(meta, "score_min", origin);
        var max = OptionalNumber(meta, "score_max", origin);
        if (min is not null && max is not null && min >= max)
        {
            throw new DomainFormatException($"{origin}: score_min {min} is not below score_max {max}");
        }

        return new NormTable(provider, version, Required("source"), illustrative, cuts)
        {
            Scale = meta.GetValueOrDefault("scale", ""),
            Aliases = ReadAliases(meta.GetValueOrDefault("aliases", ""), provider, origin),
            ScoreMin = min,
            ScoreMax = max,
        };
    }

    /// <summary>Provider codes as they appear in files and on the wire: CITO, IEP, DIA, ROUTE_8, BOOM …</summary>
    public static bool IsProviderCode(string code) =>
        code.Length is > 0 and <= 40 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>A comma-separated list of other names; each is what a file's aanbieder column may say instead of the code.</summary>
    private static string[] ReadAliases(string text, string provider, string origin)
    {
        var aliases = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.ToUpperInvariant())
            .Where(a => a != provider)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var alias in aliases)
        {
            // An alias is matched against one CSV field, so it must be printable text of a sensible length.
            if (alias.Length > 40 || alias.Any(c => char.IsControl(c) || c is ';' or '"'))
            {
                throw new DomainFormatException($"{origin}: alias '{alias}' is not a valid provider name (at most 40 characters, no ';', '\"' or control characters)");
            }
        }

        return aliases;
    }

    private static NormCut ReadRow(string[] fields, bool withNorms, string origin, int lineNumber, HashSet<(Subject, TestMoment)> seen)
    {
        var expected = withNorms ? 6 : 4;
        if (fields.Length != expected)
        {
            throw new DomainFormatException($"{origin} line {lineNumber}: expected {expected} fields, found {fields.Length}");
        }

        try
        {
            var subject = Subjects.Parse(fields[0]);
            var moment = TestMoment.Parse(fields[1]);
            var fundamental = ParseNumber(fields[2], "cut_1f");
            var target = ParseNumber(fields[3], "cut_streef");
            if (target <= fundamental)
            {
                // The uniform scale runs from the 1F cut up to the target cut; a reversed table would make it decrease.
                throw new DomainFormatException($"cut_streef {fields[3]} must be above cut_1f {fields[2]}");
            }

            double? mean = null, sd = null;
            if (withNorms && (fields[4].Trim().Length > 0 || fields[5].Trim().Length > 0))
            {
                mean = ParseNumber(fields[4], "norm_mean");
                sd = ParseNumber(fields[5], "norm_sd");
                if (sd <= 0)
                {
                    throw new DomainFormatException($"norm_sd {fields[5]} must be positive");
                }
            }

            if (!seen.Add((subject, moment)))
            {
                throw new DomainFormatException($"{subject.Code()} {moment} appears twice");
            }

            return new NormCut(subject, moment, fundamental, target) { NormMean = mean, NormSd = sd };
        }
        catch (FormatException e)
        {
            throw new DomainFormatException($"{origin} line {lineNumber}: {e.Message}");
        }
    }

    private static double? OptionalNumber(Dictionary<string, string> meta, string key, string origin)
    {
        if (!meta.TryGetValue(key, out var text) || text.Length == 0)
        {
            return null;
        }

        try
        {
            return ParseNumber(text, key);
        }
        catch (FormatException e)
        {
            throw new DomainFormatException($"{origin}: {e.Message}");
        }
    }

    private static double ParseNumber(string text, string column) =>
        double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            ? value
            : throw new DomainFormatException($"{column} '{text}' is not a number");
}
