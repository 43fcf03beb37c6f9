using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation.Model;

/// <summary>
/// Every number the world is drawn from, with where it comes from (docs/simulation.md has the full account).
/// Effects are in z units of the national outflow distribution of a subject: a pupil's value on the uniform scale is
/// <c>Mean(subject) + Sd(subject) · z</c>. The variance shares were fitted so that the school-level statistics of
/// the real Inspectie file come out (sim-realism): school sd, year-to-year correlation, slope on schoolweging.
/// </summary>
public static class ModelParameters
{
    /// <summary>National outflow shares 2022-23 (domain.md §2): below 1F and at the target level, per subject.</summary>
    public static (double Below1F, double Target) NationalShares(Subject subject) => subject switch
    {
        Subject.Rekenen => (0.07, 0.455),
        Subject.Lezen => (0.02, 0.74),
        _ => (0.02, 0.635),
    };

    /// <summary>
    /// The below-1F share the latent distribution is fitted to, before exemption: the exempted pupils come mostly
    /// from the bottom, so to leave the national share among those who count, the tail drawn must be fuller.
    /// </summary>
    public const double ExemptionTailFactor = 1.15;

    /// <summary>
    /// Mean and sd on the uniform scale of the observed outflow value, so that a normal distribution puts exactly
    /// the national shares below 100 (1F) and at or above 200 (target): the two cuts fix both moments.
    /// </summary>
    public static (double Mean, double Sd) Outflow(Subject subject)
    {
        var (below, target) = NationalShares(subject);
        var zFundamental = Z(below * ExemptionTailFactor);
        var zTarget = Z(1 - target);
        var sd = (UniformScale.OnTrackTarget - UniformScale.OnTrackFundamental) / (zTarget - zFundamental);
        return (UniformScale.OnTrackFundamental - (zFundamental * sd), sd);
    }

    // A share of 0 or 1 would put a cut at infinity (InverseCdf returns ±∞ or NaN): refuse it, as a share must lie inside.
    private static double Z(double share)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(share, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(share, 1);
        return NormalDistribution.InverseCdf(share);
    }

    // School level. Real school %1S/2F falls 1.87 points per schoolweging point (Inspectie file, domain.md §4);
    // around the national mean one z of pupil ability is worth about 36 points of the target share.
    public const double SchoolwegingEffect = -0.050;       // z per schoolweging point above 30
    public const double SchoolEffectSd = 0.14;             // stable school effect not explained by schoolweging
    public const double WeakSchoolShare = 0.06;            // the left tail of school quality is longer than the right:
    public const double WeakSchoolEffect = -0.22;          // a few schools do clearly worse than their schoolweging says
    public const double SchoolSubjectSd = 0.06;            // a school's own profile across subjects
    public const double SchoolTrendSd = 0.012;             // z per year: schools slowly improving or declining

    // Year level: a whole cohort of a school (the same children, seen in their LVS too) and the test day.
    public const double CohortEffectSd = 0.18;             // per school and outflow year, shared by the cohort's pupils
    // A cohort's weakest pupils vary more from year to year than its average does (a class with several pupils who
    // need extra support): z per unit of below-average general ability. This is what makes a school's %1F far less
    // stable from year to year (r ≈ 0.3) than its %1S/2F (r ≈ 0.5).
    public const double CohortTailSd = 0.08;
    public const double SchoolYearTestSd = 0.07;           // per school and doorstroomtoets: conditions on the day
    public const double NationalYearSd = 0.035;            // a whole year nationally better or worse

    /// <summary>
    /// The switch from the eindtoets to the doorstroomtoets (toets 2024, school year 2023-2024) lowered results:
    /// school means of %1S/2F went 59.8 (2023), 56.6 (2024), 55.7 (2025) in the Inspectie file (domain.md §2).
    /// The national shares the world is fitted to are those of 2022-23, before the switch.
    /// </summary>
    public static double DoorstroomtoetsShift(int outflowStartYear) => outflowStartYear switch
    {
        < 2023 => 0,
        2023 => -0.11,
        _ => -0.14,
    };

    // Pupil level.
    public const double GeneralShare = 0.65;               // share of ability variance common to the three subjects
    public const double GrowthSd = 0.07;                   // z per year: pupils drift relative to the on-track lines
    public const double OutflowNoiseSd = 0.30;             // measurement error of the doorstroomtoets
    public const double LvsNoiseSd = 0.30;                 // measurement error of one LVS test
    public const double RetentionShift = 0.35;             // z gained on the groep's norms by repeating a year

    /// <summary>Pupil ability sd: what is left of the unit outflow variance after the other components.</summary>
    public static double PupilSd { get; } = Math.Sqrt(1
        - Square(SchoolwegingEffect * 3.7) - Square(SchoolEffectSd) - (WeakSchoolShare * (1 - WeakSchoolShare) * Square(WeakSchoolEffect)) - Square(SchoolSubjectSd)
        - Square(CohortEffectSd) - Square(SchoolYearTestSd) - Square(NationalYearSd) - Square(OutflowNoiseSd));

    // Careers (domain.md §1; CBS: about 2% of pupils repeat a year in groep 3–8, few skip one).
    public const double LeaveRatePerYear = 0.03;           // moves away at the end of a year
    public const double ArrivalRatePerYear = 0.03;         // arrives (moved in, or from abroad) in groep 4–8
    public const double MidYearArrivalShare = 0.25;        // of arrivals: in January, after the M tests
    public const double NewcomerShare = 0.15;              // of arrivals: from abroad, lower language, may be exempt
    public const double MissedTestRate = 0.04;             // ill or absent on a test moment
    public const double LateTestRate = 0.04;               // taken weeks after the window (still recorded)

    /// <summary>Probability to repeat groep g at the end of the year, for a pupil of general ability z.</summary>
    public static double Retention(int groep, double generalZ)
    {
        var basis = groep switch { 3 => 0.020, 4 => 0.012, 5 or 6 => 0.007, 7 => 0.004, _ => 0.0 };
        return basis * (generalZ < -1.0 ? 4.0 : generalZ < 0 ? 1.0 : 0.25);
    }

    /// <summary>Probability to skip the next groep (only strong pupils, mostly in groep 3–5).</summary>
    public static double Skip(int groep, double generalZ) =>
        groep is >= 3 and <= 6 && generalZ > 1.6 ? 0.01 : 0.0;

    // Exemption (ontheffing, domain.md §3): IQ below 75 or VSO outflow, and pupils less than four years in the
    // country. Together about 2.5% of groep 8.
    public const double ExemptGeneralZ = -2.25;            // the lowest ~1.2% by general ability
    public const double ExemptRandomRate = 0.008;          // other reasons (VSO profile)
    public const double ExemptNewcomerRate = 0.35;         // of newcomers still in their first years

    // Schools and boards: quantiles of the real files (Inspectie 2023–2025; DUO vestigingen, 758 boards).
    /// <summary>Schoolweging (3-year mean), quantiles at 0, 5, …, 100% of the 6,191 schools that have one.</summary>
    public static readonly double[] SchoolwegingQuantiles =
        [20.0, 23.36, 25.0, 26.18, 26.94, 27.49, 27.96, 28.39, 28.81, 29.21, 29.58, 29.96, 30.38, 30.82, 31.32, 31.89, 32.65, 33.61, 34.94, 36.43, 40.0];

    /// <summary>Groep-8 pupils per school and year, quantiles at 0, 5, …, 100% (17,638 school-years).</summary>
    public static readonly double[] GroupSizeQuantiles =
        [5, 8, 10, 12, 14, 16, 18, 20, 21, 23, 25, 26, 28, 30, 32, 36, 40, 45, 50, 58, 120];

    public const double OneSchoolBoardShare = 0.377;       // 286 of 758 boards run one school
    public const double BoardSizeMedian = 9;               // boards with 2+ schools: lognormal, mean ≈ 12.3 schools
    public const double BoardSizeLogSd = 0.8;
    public const int LargestBoard = 70;

    /// <summary>LVS provider shares (issue 5: Cito about half, IEP about 40%, DIA the rest).</summary>
    public static readonly (string Provider, double Share)[] LvsProviders = [("CITO", 0.50), ("IEP", 0.40), ("DIA", 0.10)];

    /// <summary>Doorstroomtoets chosen by a school with this LVS (chain API codes; illustrative shares).</summary>
    public static (string Test, double Share)[] DoorstroomtoetsFor(string lvsProvider) => lvsProvider switch
    {
        "IEP" => [("ICE", 0.80), ("ROUTE_8", 0.10), ("AMN", 0.10)],
        "DIA" => [("DIA", 0.70), ("ROUTE_8", 0.20), ("DOE", 0.10)],
        _ => [("LEERLING_IN_BEELD", 0.45), ("ROUTE_8", 0.25), ("AMN", 0.20), ("DOE", 0.10)],
    };

    private static double Square(double x) => x * x;

    /// <summary>Linear interpolation in a table of equally spaced quantiles, at probability u.</summary>
    public static double FromQuantiles(double[] quantiles, double u)
    {
        var x = u * (quantiles.Length - 1);
        var i = Math.Min((int)x, quantiles.Length - 2);
        return quantiles[i] + ((x - i) * (quantiles[i + 1] - quantiles[i]));
    }
}
