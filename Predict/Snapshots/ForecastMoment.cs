using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// The test moment a forecast belongs to: the school year and the moment (begin, midden, eind) whose results were
/// the latest in on the peildatum. Snapshots are kept per moment, so a board sees its outlook per half-year.
/// </summary>
public readonly record struct ForecastMoment(SchoolYear Year, MomentKind Kind) : IComparable<ForecastMoment>
{
    private static readonly MomentKind[] InYear = [MomentKind.Begin, MomentKind.Midden, MomentKind.Eind];

    public string Code => Kind switch
    {
        MomentKind.Begin => "B",
        MomentKind.Midden => "M",
        _ => "E",
    };

    public string Label => $"{Year} {Code}";

    /// <summary>
    /// The peildatum of the moment: when its results are in (<see cref="Peildata.After"/>). The date depends only on
    /// the kind of moment and the school year, so the groep-8 form of the moment stands for every groep.
    /// </summary>
    public DateOnly Peildatum => Peildata.After(new TestMoment(Kind, TestMoment.LastGroep), Year);

    /// <summary>The latest moment whose results are in on <paramref name="peildatum"/>.</summary>
    public static ForecastMoment Of(DateOnly peildatum)
    {
        var year = SchoolYear.Containing(peildatum);
        for (var y = year; ; y = y.Previous)
        {
            foreach (var kind in InYear.Reverse())
            {
                var moment = new ForecastMoment(y, kind);
                if (moment.Peildatum <= peildatum)
                {
                    return moment;
                }
            }
        }
    }

    /// <summary>The <paramref name="count"/> half-year moments (midden and eind) before this one, newest first.</summary>
    public IEnumerable<ForecastMoment> HalfYearsBefore(int count)
    {
        var found = 0;
        for (var y = Year; found < count; y = y.Previous)
        {
            foreach (var kind in new[] { MomentKind.Eind, MomentKind.Midden })
            {
                var moment = new ForecastMoment(y, kind);
                if (moment.CompareTo(this) < 0 && found < count)
                {
                    found++;
                    yield return moment;
                }
            }
        }
    }

    public static ForecastMoment Parse(int schoolYear, string code) => new(new SchoolYear(schoolYear), code switch
    {
        "B" => MomentKind.Begin,
        "M" => MomentKind.Midden,
        "E" => MomentKind.Eind,
        _ => throw new FormatException($"unknown snapshot moment '{code}': expected B, M or E"),
    });

    public int CompareTo(ForecastMoment other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Kind.CompareTo(other.Kind);

    public static bool operator <(ForecastMoment left, ForecastMoment right) => left.CompareTo(right) < 0;

    public static bool operator >(ForecastMoment left, ForecastMoment right) => left.CompareTo(right) > 0;

    public static bool operator <=(ForecastMoment left, ForecastMoment right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ForecastMoment left, ForecastMoment right) => left.CompareTo(right) >= 0;
}
