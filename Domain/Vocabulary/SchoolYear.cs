namespace Uitstroom.Domain.Vocabulary;

/// <summary>
/// A school year, 1 August to 31 July, written "2025-2026". A pupil's outflow year (uitstroomjaar) is the school
/// year in which it sits in groep 8; the Inspectie names it by the calendar year of the test ("toets 2025").
/// </summary>
public readonly record struct SchoolYear(int StartYear) : IComparable<SchoolYear>
{
    public int EndYear => StartYear + 1;

    public DateOnly FirstDay => new(StartYear, 8, 1);

    public DateOnly LastDay => new(EndYear, 7, 31);

    public SchoolYear Next => new(StartYear + 1);

    public SchoolYear Previous => new(StartYear - 1);

    public SchoolYear Plus(int years) => new(StartYear + years);

    public static SchoolYear Containing(DateOnly date) => new(date.Month >= 8 ? date.Year : date.Year - 1);

    /// <summary>The school year whose doorstroomtoets is taken in <paramref name="testYear"/> (spring).</summary>
    public static SchoolYear OfTestYear(int testYear) => new(testYear - 1);

    public static bool TryParse(string? text, out SchoolYear year)
    {
        year = default;
        if (text is null)
        {
            return false;
        }

        var t = text.Trim();
        // "2025-2026", "2025/2026", "2025/26", "2526" (the Inspectie's compact form).
        var parts = t.Split('-', '/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b))
        {
            if (parts[0].Length == 4 && parts[1].Length == 4 && b == a + 1)
            {
                year = new SchoolYear(a);
                return true;
            }

            if (parts[0].Length == 4 && parts[1].Length == 2 && b == (a + 1) % 100)
            {
                year = new SchoolYear(a);
                return true;
            }

            return false;
        }

        if (t.Length == 4 && int.TryParse(t[..2], out var c) && int.TryParse(t[2..], out var d) && d == (c + 1) % 100)
        {
            year = new SchoolYear(2000 + c);
            return true;
        }

        return false;
    }

    public static SchoolYear Parse(string? text) =>
        TryParse(text, out var year)
            ? year
            : throw new DomainFormatException($"malformed schooljaar '{text}': expected the form 2025-2026");

    public int CompareTo(SchoolYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(SchoolYear left, SchoolYear right) => left.StartYear < right.StartYear;

    public static bool operator >(SchoolYear left, SchoolYear right) => left.StartYear > right.StartYear;

    public static bool operator <=(SchoolYear left, SchoolYear right) => left.StartYear <= right.StartYear;

    public static bool operator >=(SchoolYear left, SchoolYear right) => left.StartYear >= right.StartYear;

    public override string ToString() => $"{StartYear}-{EndYear}";
}
