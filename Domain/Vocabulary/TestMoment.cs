namespace Uitstroom.Domain.Vocabulary;

/// <summary>When in the year an LVS test is taken: begin (Cito B8 only), midden (Jan–Feb), eind (May–June).</summary>
public enum MomentKind
{
    Begin,
    Midden,
    Eind,
}

/// <summary>A test moment such as M5, E6 or B8: the kind of moment and the groep the pupil sits in.</summary>
public readonly record struct TestMoment(MomentKind Kind, int Groep) : IComparable<TestMoment>
{
    public const int FirstGroep = 3;
    public const int LastGroep = 8;

    /// <summary>Order along a pupil's school career: B8 before M8, E7 before B8.</summary>
    public int Ordinal => (Groep * 3) + (int)Kind;

    /// <summary>Years of school, as a continuous time axis: M5 = 5.5, E5 = 5.9, B8 = 8.2.</summary>
    public double Time => Groep + Kind switch
    {
        MomentKind.Begin => 0.2,
        MomentKind.Midden => 0.5,
        _ => 0.9,
    };

    /// <summary>The months of the school year in which this moment's tests are normally taken.</summary>
    public DateOnly TypicalDate(SchoolYear year) => Kind switch
    {
        MomentKind.Begin => new DateOnly(year.StartYear, 10, 15),
        MomentKind.Midden => new DateOnly(year.EndYear, 2, 1),
        _ => new DateOnly(year.EndYear, 6, 1),
    };

    public static bool TryParse(string? text, out TestMoment moment)
    {
        moment = default;
        var t = text?.Trim().ToUpperInvariant();
        if (t is null || t.Length != 2 || !char.IsAsciiDigit(t[1]))
        {
            return false;
        }

        MomentKind? kind = t[0] switch
        {
            'B' => MomentKind.Begin,
            'M' => MomentKind.Midden,
            'E' => MomentKind.Eind,
            _ => null,
        };
        var groep = t[1] - '0';
        if (kind is null || groep is < FirstGroep or > LastGroep)
        {
            return false;
        }

        // B is Cito's October moment of groep 8 only; E8 does not exist (the doorstroomtoets replaces it).
        if ((kind == MomentKind.Begin && groep != 8) || (kind == MomentKind.Eind && groep == 8))
        {
            return false;
        }

        moment = new TestMoment(kind.Value, groep);
        return true;
    }

    public static TestMoment Parse(string? text) =>
        TryParse(text, out var moment)
            ? moment
            : throw new DomainFormatException(
                $"unknown toetsmoment '{text}': expected M3..M8, E3..E7 or B8");

    /// <summary>Every moment from groep 3 to M8, in order.</summary>
    public static IReadOnlyList<TestMoment> All { get; } =
        [.. Enumerable.Range(FirstGroep, LastGroep - FirstGroep + 1)
            .SelectMany(g => g == 8
                ? new[] { new TestMoment(MomentKind.Begin, 8), new TestMoment(MomentKind.Midden, 8) }
                : [new TestMoment(MomentKind.Midden, g), new TestMoment(MomentKind.Eind, g)])];

    public int CompareTo(TestMoment other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(TestMoment left, TestMoment right) => left.Ordinal < right.Ordinal;

    public static bool operator >(TestMoment left, TestMoment right) => left.Ordinal > right.Ordinal;

    public static bool operator <=(TestMoment left, TestMoment right) => left.Ordinal <= right.Ordinal;

    public static bool operator >=(TestMoment left, TestMoment right) => left.Ordinal >= right.Ordinal;

    public override string ToString() => $"{Kind switch { MomentKind.Begin => 'B', MomentKind.Midden => 'M', _ => 'E' }}{Groep}";
}
