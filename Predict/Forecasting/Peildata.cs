using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Forecasting;

/// <summary>
/// The standard moments a forecast is asked at, from groep 5 on: just after each LVS moment, when its results are
/// in. Training replays finished cohorts at these dates; the backtest reports per moment.
/// </summary>
public static class Peildata
{
    // Three weeks after the typical test date: schools enter their results within that time.
    private const int DaysForResultsToArrive = 21;

    public static IReadOnlyList<TestMoment> Moments { get; } =
        [.. TestMoment.All.Where(m => m.Groep >= 5)];

    /// <summary>The peildatum after <paramref name="moment"/> for the cohort that leaves groep 8 in <paramref name="outflowYear"/>.</summary>
    public static DateOnly After(TestMoment moment, SchoolYear outflowYear) =>
        moment.TypicalDate(outflowYear.Plus(moment.Groep - 8)).AddDays(DaysForResultsToArrive);

    /// <summary>The last standard moment whose results are in on <paramref name="asOf"/> for a pupil in <paramref name="groep"/>.</summary>
    public static TestMoment? LatestBefore(DateOnly asOf, int groep)
    {
        var year = SchoolYear.Containing(asOf);
        var outflow = year.Plus(8 - groep);
        TestMoment? latest = null;
        foreach (var m in Moments)
        {
            if (After(m, outflow) <= asOf)
            {
                latest = m;
            }
        }

        return latest;
    }

    /// <summary>
    /// The date by which every pupil still at its school has a result in <paramref name="year"/>: when the midden
    /// moment's results are in. Every LVS tests at midden in every groep; B8 is Cito's alone (DIA and IEP start
    /// groep 8 at M8), so an earlier moment cannot tell a pupil who left from one not yet tested.
    /// </summary>
    public static DateOnly SeenInYearBy(int groep, SchoolYear year) =>
        new TestMoment(MomentKind.Midden, groep).TypicalDate(year).AddDays(DaysForResultsToArrive);
}
