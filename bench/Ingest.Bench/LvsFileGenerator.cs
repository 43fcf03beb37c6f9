using System.Text;

namespace Uitstroom.Ingest.Bench;

/// <summary>
/// Writes a plausible national LVS export: pupils spread over schools and boards, each with six moments (M5..E7)
/// of three subjects, Cito scores with a decimal comma, ';'-separated. Deterministic for a given row count.
/// </summary>
internal static class LvsFileGenerator
{
    public const int Schools = 600;
    public static readonly string[] Moments = ["M5", "E5", "M6", "E6", "M7", "E7"];
    public static readonly string[] SubjectNames = ["rekenen", "begrijpend lezen", "spelling"];

    public static string Brin(int school) => $"{school / 10:00}X{(char)('A' + (school % 10))}";

    public static void WriteSchools(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("bestuur;brin;vestiging;naam;schoolweging");
        for (var s = 0; s < Schools; s++)
        {
            w.WriteLine($"{10000 + (s / 20)};{Brin(s)};0;School {s};{25 + (s % 15)},5");
        }
    }

    /// <summary>Pupils fall into this many cohorts (by their number), each sitting its moments a year after the last.</summary>
    public const int Cohorts = 4;

    public static readonly int RowsPerPupil = Moments.Length * SubjectNames.Length;

    /// <summary>The pupils a file of <paramref name="rows"/> rows holds (the last one possibly in part).</summary>
    public static long PupilsIn(long rows) => (rows + RowsPerPupil - 1) / RowsPerPupil;

    /// <summary>Row <paramref name="row"/> of a file: which of its pupils, which moment, which subject.</summary>
    public static (long Pupil, int Moment, int Subject) Position(long row) =>
        (row / RowsPerPupil, (int)(row % RowsPerPupil) / SubjectNames.Length, (int)(row % SubjectNames.Length));

    /// <summary>
    /// The school of the <paramref name="index"/>-th of <paramref name="pupils"/> pupils. By school: each school's
    /// pupils together, as one school's system exports them. Otherwise consecutive pupils sit at different schools,
    /// as in a file merged from many schools row by row: the harder order for the store's by-school index, whose
    /// insertions then land all over it.
    /// </summary>
    public static int SchoolOf(long index, long pupils, bool bySchool) =>
        bySchool ? (int)(index / Math.Max(1, (pupils + Schools - 1) / Schools)) : (int)(index % Schools);

    /// <summary>The school year in which a pupil sits the <paramref name="moment"/>-th moment (M5…E7), and the day.</summary>
    public static (int Year, string Date) Sitting(long pupil, int moment)
    {
        var year = 2020 + (int)(pupil % Cohorts) + (moment / 2);
        return (year, Moments[moment][0] == 'M' ? $"{year + 1}-01-2{moment % 8}" : $"{year + 1}-06-0{1 + (moment % 8)}");
    }

    /// <summary>Writes <paramref name="rows"/> rows; pupils are numbered from <paramref name="firstPupil"/>.</summary>
    public static void WriteLvs(string path, long rows, long firstPupil = 0, bool bySchool = false)
    {
        var pupils = PupilsIn(rows);
        var random = new Random(42);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.WriteLine("brin;vestiging;leerling_id;schooljaar;groep;toetsmoment;afnamedatum;aanbieder;vak;score;percentiel;niveau");
        for (long i = 0; i < rows; i++)
        {
            var (index, m, subject) = Position(i);
            var pupil = firstPupil + index;
            var groep = 5 + (m / 2);
            var (year, date) = Sitting(pupil, m);
            var score = 150 + (random.NextDouble() * 200);
            w.Write(Brin(SchoolOf(index, pupils, bySchool)));
            w.Write(";0;L");
            w.Write(pupil);
            w.Write(';');
            w.Write(year);
            w.Write('-');
            w.Write(year + 1);
            w.Write(';');
            w.Write(groep);
            w.Write(';');
            w.Write(Moments[m]);
            w.Write(';');
            w.Write(date);
            w.Write(";CITO;");
            w.Write(SubjectNames[subject]);
            w.Write(';');
            w.Write(score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','));
            w.Write(';');
            w.Write(random.Next(1, 100));
            w.Write(';');
            w.WriteLine("III");
        }
    }
}
