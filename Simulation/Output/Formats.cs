using System.Globalization;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation.Output;

/// <summary>
/// Each LVS provider's export in its own conventions, as a school downloads it: Cito with ";" and decimal comma,
/// Dutch column names in capitals and its own subject names; IEP comma-separated with the reached level; DIA with
/// ";" and its test names (Diacijfer, Diatekst, Diaspel). All are columns the product's import format accepts.
/// </summary>
public sealed record LvsFormat(string Provider, char Separator, NumberFormatInfo Numbers, string DateFormat, string Header, Func<Subject, string> SubjectLabel)
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "" };

    public static LvsFormat Cito { get; } = new("CITO", ';', DecimalComma, "dd-MM-yyyy",
        "BRIN;Vestiging;Leerling_ID;Schooljaar;Groep;Toetsmoment;Afnamedatum;Aanbieder;Vak;Score;Percentiel;Niveau",
        s => s switch { Subject.Rekenen => "Rekenen-Wiskunde", Subject.Lezen => "Begrijpend lezen", _ => "Spelling" });

    public static LvsFormat Iep { get; } = new("IEP", ',', NumberFormatInfo.InvariantInfo, "yyyy-MM-dd",
        "brin,vestiging,leerling_id,schooljaar,groep,toetsmoment,afnamedatum,aanbieder,vak,score,referentieniveau",
        s => s.Code());

    public static LvsFormat Dia { get; } = new("DIA", ';', NumberFormatInfo.InvariantInfo, "yyyy-MM-dd",
        "brin;vestiging;leerling_id;schooljaar;groep;toetsmoment;afnamedatum;aanbieder;vak;score;percentiel;niveau",
        s => s switch { Subject.Rekenen => "Diacijfer", Subject.Lezen => "Diatekst", _ => "Diaspel" });

    public static LvsFormat For(string provider) => provider switch
    {
        "CITO" => Cito,
        "IEP" => Iep,
        "DIA" => Dia,
        _ => new LvsFormat(provider, ';', NumberFormatInfo.InvariantInfo, "yyyy-MM-dd", Dia.Header, s => s.Code()),
    };

    public bool HasLevelColumn => Provider == "IEP";

    public void AppendRow(System.Text.StringBuilder sb, SimulatedSchool school, SimulatedPupil pupil, SimulatedTest test)
    {
        // One interpolated append per row, formatted straight into the builder: no string per field.
        var sep = Separator;
        var d = test.TakenOn;
        if (DateFormat == "dd-MM-yyyy")
        {
            sb.Append(Numbers, $"{school.Id.Brin}{sep}{school.Id.Vestiging}{sep}{pupil.LeerlingId}{sep}{test.Year.StartYear}-{test.Year.EndYear}{sep}{test.Groep}{sep}{MomentCode(test.Moment)}{sep}{d.Day:00}-{d.Month:00}-{d.Year}{sep}{Provider}{sep}{SubjectLabel(test.Subject)}{sep}{test.Score:0.0}{sep}");
        }
        else
        {
            sb.Append(Numbers, $"{school.Id.Brin}{sep}{school.Id.Vestiging}{sep}{pupil.LeerlingId}{sep}{test.Year.StartYear}-{test.Year.EndYear}{sep}{test.Groep}{sep}{MomentCode(test.Moment)}{sep}{d.Year}-{d.Month:00}-{d.Day:00}{sep}{Provider}{sep}{SubjectLabel(test.Subject)}{sep}{test.Score:0.0}{sep}");
        }

        if (HasLevelColumn)
        {
            sb.Append(test.ReportedLevel is { } level ? level.Code() : "");
        }
        else
        {
            if (test.Percentile is { } p)
            {
                sb.Append((int)p);
            }

            sb.Append(sep).Append(test.Band ?? "");
        }

        sb.Append('\n');
    }

    private static readonly Dictionary<TestMoment, string> MomentCodes = TestMoment.All.ToDictionary(m => m, m => m.ToString());

    private static string MomentCode(TestMoment moment) => MomentCodes[moment];
}
