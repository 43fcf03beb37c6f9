using System.Globalization;
using System.Text;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Service.Tests.EndToEnd;

/// <summary>
/// A board whose pupils are tested by a provider the product does not ship ("ROUTE8LVS"), with pupils of known
/// ability: each pupil has a latent position on the uniform scale, its LVS scores are that position (plus test
/// noise) written through the provider's cut table, and its doorstroomtoets levels follow the same position. Four
/// finished cohorts to train on, two current ones (groep 7 and 8 now) to forecast; everything relative to today,
/// as the services read "today".
/// </summary>
public sealed class SyntheticBoard
{
    public const string Bgnr = "90077";
    public const string Provider = "ROUTE8LVS";
    public const string Alias = "ROUTE 8 LVS";
    private const int PupilsPerSchoolAndCohort = 40;
    private static readonly string[] Schools = ["E201", "E202"];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Finished pupils are tested at these moments; current pupils at those whose date has passed.
    private static readonly TestMoment[] Moments = [.. "M3 E3 M4 E4 M5 E5 M6 E6 M7 E7 M8".Split(' ').Select(TestMoment.Parse)];

    public sealed record Pupil(string Id, string Brin, SchoolYear OutflowYear, double Ability)
    {
        public bool Finished(SchoolYear current) => OutflowYear < current;
    }

    public SyntheticBoard(DateOnly today)
    {
        Today = today;
        Current = SchoolYear.Containing(today);
        var random = new Random(20261204);
        foreach (var brin in Schools)
        {
            for (var cohort = -4; cohort <= 1; cohort++)
            {
                for (var i = 0; i < PupilsPerSchoolAndCohort; i++)
                {
                    var year = Current.Plus(cohort);
                    Pupils.Add(new Pupil($"{brin}-{year.StartYear}-{i}", brin, year, 140 + (50 * Gaussian(random))));
                }
            }
        }

        var lvs = new StringBuilder("brin;vestiging;leerling_id;schooljaar;groep;toetsmoment;afnamedatum;aanbieder;vak;score;percentiel;niveau\n");
        var outflow = new StringBuilder("brin,vestiging,leerling_id,schooljaar,aanbieder,vak,referentieniveau,ontheffing\n");
        foreach (var pupil in Pupils)
        {
            foreach (var moment in Moments)
            {
                var year = pupil.OutflowYear.Plus(moment.Groep - 8);
                if (moment.TypicalDate(year) > today)
                {
                    continue;
                }

                foreach (var subject in Subjects.All)
                {
                    var uniform = Math.Clamp(pupil.Ability + (12 * Gaussian(random)), -50, 350);
                    var score = UniformScale.ToScore(uniform, Cut(1, subject, moment));
                    // Half the rows name the provider by its alias: the alias comes with the registered table.
                    var provider = (pupil.Id[^1] - '0') % 2 == 1 ? Alias : Provider;
                    lvs.Append(Inv, $"{pupil.Brin};0;{pupil.Id};{year};{moment.Groep};{moment};;{provider};{subject.Code()};{score.ToString("0.000", Inv).Replace('.', ',')};;\n");
                    LvsRows++;
                }
            }

            if (pupil.Finished(Current))
            {
                foreach (var subject in Subjects.All)
                {
                    var reached = pupil.Ability + (15 * Gaussian(random));
                    var level = reached >= UniformScale.OnTrackTarget ? subject.TargetLevel().Code() : reached >= UniformScale.OnTrackFundamental ? "1F" : "L1F";
                    outflow.Append(Inv, $"{pupil.Brin},0,{pupil.Id},{pupil.OutflowYear},ROUTE_8,{subject.Code()},{level},0\n");
                }
            }
        }

        LvsCsv = lvs.ToString();
        OutflowCsv = outflow.ToString();
    }

    public DateOnly Today { get; }

    public SchoolYear Current { get; }

    public List<Pupil> Pupils { get; } = [];

    public IEnumerable<Pupil> CurrentPupils => Pupils.Where(p => !p.Finished(Current));

    public string LvsCsv { get; }

    public int LvsRows { get; private set; }

    public string OutflowCsv { get; }

    public static string SchoolsCsv => $"bestuur;brin;vestiging;naam;schoolweging\n{Bgnr};E201;0;OBS De Route;30,00\n{Bgnr};E202;0;OBS Het Spoor;32,50\n";

    /// <summary>
    /// The provider's cut table: only the score on track for 1F and for the target level per subject and moment, no
    /// norms or percentiles. Version 2 moves every cut up by <paramref name="version"/> − 1 times ten points.
    /// </summary>
    public static NormCut Cut(int version, Subject subject, TestMoment moment)
    {
        var i = TestMoment.All.ToList().IndexOf(moment);
        var shift = 10 * (version - 1);
        return new NormCut(subject, moment, 100 + (8 * i) + shift + (int)subject, 150 + (8 * i) + shift + (int)subject);
    }

    public static string TableCsv(int version)
    {
        var csv = new StringBuilder($"""
            # provider: {Provider}
            # source: Route 8 LVS cut scores as the board received them (test: cuts only, no norms or percentiles)
            # illustrative: false
            # aliases: {Alias}
            # score_min: 0
            # score_max: 400
            vak;toetsmoment;cut_1f;cut_streef

            """);
        foreach (var subject in Subjects.All)
        {
            foreach (var moment in TestMoment.All)
            {
                var cut = Cut(version, subject, moment);
                csv.Append(Inv, $"{subject.Code()};{moment};{cut.Fundamental};{cut.Target}\n");
            }
        }

        return csv.ToString();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
