using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Norms;

namespace Uitstroom.Ingest.Parsing;

/// <summary>
/// Reads an LVS results CSV row by row (docs/formats.md): every field checked on its own and against the others
/// (a moment must belong to the groep, a score must lie within the provider's scale). Checks that need the registry
/// or other rows (unknown school, duplicates) are the import's.
/// </summary>
/// <param name="providers">The LVS providers (from Normalise's norm tables); the shipped tables' providers when omitted.</param>
public sealed class LvsCsvParser(CsvTable table, LvsProviderLookup? providers = null)
{
    private readonly LvsProviderLookup _known = providers ?? new LvsProviderLookup(ShippedProviderDirectory.Providers);

    private readonly SpanCache<SchoolYear?> _years = new(t => SchoolYear.TryParse(t, out var y) ? y : null);
    private readonly SpanCache<TestMoment?> _moments = new(t => TestMoment.TryParse(t, out var m) ? m : null);
    private readonly SpanCache<Subject?> _subjects = new(t => Subjects.TryParse(t, out var s) ? s : null);
    private readonly SpanCache<string?> _brins = new(t => t.Length == 4 && t.All(char.IsAsciiLetterOrDigit) ? t.ToUpperInvariant() : null);
    private readonly SpanCache<string?> _niveaus = new(ParseNiveau);
    private readonly SpanCache<ReferenceLevel?> _levels = new(t => ReferenceLevels.TryParse(t, out var l) ? l : null);

    private readonly int _brin = table.IndexOf(Column.Brin);
    private readonly int _pupil = table.IndexOf(Column.LeerlingId);
    private readonly int _year = table.IndexOf(Column.Schooljaar);
    private readonly int _groep = table.IndexOf(Column.Groep);
    private readonly int _moment = table.IndexOf(Column.Toetsmoment);
    private readonly int _date = table.IndexOf(Column.Afnamedatum);
    private readonly int _provider = table.IndexOf(Column.Aanbieder);
    private readonly int _subject = table.IndexOf(Column.Vak);
    private readonly int _score = table.IndexOf(Column.Score);
    private readonly int _percentile = table.IndexOf(Column.Percentiel);
    private readonly int _niveau = table.IndexOf(Column.Niveau);
    private readonly int _level = table.IndexOf(Column.Referentieniveau);

    // Made on first use: a field initialiser cannot read the _known field beside it.
    private SpanCache<LvsProvider?> Providers => _providers ??= new(t => _known.Find(t));

    private SpanCache<LvsProvider?>? _providers;

    private string _lastPupil = "";

    public IEnumerable<Parsed<LvsResult>> Rows() => table.Rows(Parse);

    private Parsed<LvsResult> Parse(CsvRow row)
    {
        var line = row.Line;
        if (_brins.Get(row[_brin].Span) is not { } brin)
        {
            return Row.Fail<LvsResult>(line, $"malformed BRIN '{Fields.Show(row[_brin].Span)}': expected 4 letters or digits such as 00AP");
        }

        if (!row.TryVestiging(out var vestiging, out var malformed))
        {
            return Row.Fail<LvsResult>(line, malformed);
        }

        var pupil = row[_pupil].Span;
        if (pupil.IsEmpty || pupil.Length > 64)
        {
            return Row.Fail<LvsResult>(line, pupil.IsEmpty ? "leerling_id is empty" : "leerling_id is longer than 64 characters");
        }

        if (_years.Get(row[_year].Span) is not { } year)
        {
            return Row.Fail<LvsResult>(line, $"malformed schooljaar '{Fields.Show(row[_year].Span)}': expected the form 2025-2026");
        }

        if (!int.TryParse(row[_groep].Span, out var groep) || groep is < 1 or > 8)
        {
            return Row.Fail<LvsResult>(line, $"malformed groep '{Fields.Show(row[_groep].Span)}': expected 1..8");
        }

        if (_moments.Get(row[_moment].Span) is not { } moment)
        {
            return Row.Fail<LvsResult>(line, $"unknown toetsmoment '{Fields.Show(row[_moment].Span)}': expected M3..M8, E3..E7 or B8");
        }

        if (moment.Groep != groep)
        {
            return Row.Fail<LvsResult>(line, $"toetsmoment {moment} is impossible in groep {groep}: it is a groep-{moment.Groep} moment");
        }

        if (Providers.Get(row[_provider].Span) is not { } provider)
        {
            return Row.Fail<LvsResult>(line, $"unknown aanbieder '{Fields.Show(row[_provider].Span)}': expected one of {_known.Current.Describe()} (the providers with a norm table; register one with 'uitstroom norms register')");
        }

        if (_subjects.Get(row[_subject].Span) is not { } subject)
        {
            return Row.Fail<LvsResult>(line, $"unknown vak '{Fields.Show(row[_subject].Span)}': expected lezen, taalverzorging or rekenen (or an alias such as 'begrijpend lezen', 'spelling', 'rekenen-wiskunde')");
        }

        if (!Fields.TryDouble(row[_score].Span, out var score))
        {
            return Row.Fail<LvsResult>(line, $"malformed score '{Fields.Show(row[_score].Span)}': expected a number");
        }

        if (!provider.Range.Contains(score))
        {
            return Row.Fail<LvsResult>(line, $"score {score} is outside {provider.Code}'s range {provider.Range.Min}..{provider.Range.Max}");
        }

        double? percentile = null;
        if (_percentile >= 0 && !row[_percentile].Span.IsEmpty)
        {
            if (!Fields.TryDouble(row[_percentile].Span, out var p) || p is < 0 or > 100)
            {
                return Row.Fail<LvsResult>(line, $"malformed percentiel '{Fields.Show(row[_percentile].Span)}': expected a number 0..100");
            }

            percentile = p;
        }

        string? niveau = null;
        if (_niveau >= 0 && !row[_niveau].Span.IsEmpty && (niveau = _niveaus.Get(row[_niveau].Span)) is null)
        {
            return Row.Fail<LvsResult>(line, $"malformed niveau '{Fields.Show(row[_niveau].Span)}': expected I..V or A..E");
        }

        ReferenceLevel? level = null;
        if (_level >= 0 && !row[_level].Span.IsEmpty)
        {
            if (_levels.Get(row[_level].Span) is not { } l || !l.IsValidFor(subject))
            {
                return Row.Fail<LvsResult>(line, $"referentieniveau '{Fields.Show(row[_level].Span)}' does not exist for {subject.Code()}");
            }

            level = l;
        }

        DateOnly? takenOn = null;
        if (_date >= 0 && !row[_date].Span.IsEmpty)
        {
            if (!Fields.TryDate(row[_date].Span, out var d))
            {
                return Row.Fail<LvsResult>(line, $"malformed afnamedatum '{Fields.Show(row[_date].Span)}': expected a date such as 2026-01-28 or 28-01-2026");
            }

            if (d < year.FirstDay || d > year.LastDay)
            {
                return Row.Fail<LvsResult>(line, $"afnamedatum {d:yyyy-MM-dd} is not in schooljaar {year}");
            }

            takenOn = d;
        }

        return Row.Ok<LvsResult>(line, new LvsResult(
            new SchoolId(brin, vestiging), PupilId(pupil), year, groep, moment, provider.Code, subject, score,
            percentile, niveau, level, takenOn));
    }

    /// <summary>
    /// The pupil's identifier as a string, shared by consecutive rows of the same pupil: exports list a pupil's
    /// results together, so one comparison saves a string for all but the first of them.
    /// </summary>
    private string PupilId(ReadOnlySpan<char> text) =>
        text.SequenceEqual(_lastPupil) ? _lastPupil : _lastPupil = text.ToString();

    private static string? ParseNiveau(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var core = t.TrimEnd('+', '-');
        return core is "I" or "II" or "III" or "IV" or "V" or "A" or "B" or "C" or "D" or "E" && t.Length - core.Length <= 1 ? t : null;
    }
}
