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
        var sep = Separator;
        var inv = CultureInfo.InvariantCulture;
        sb.Append(school.Id.Brin).Append(sep)
          .Append(school.Id.Vestiging.ToString(inv)).Append(sep)
          .Append(pupil.LeerlingId).Append(sep)
          .Append(test.Year.ToString()).Append(sep)
          .Append(test.Groep.ToString(inv)).Append(sep)
          .Append(test.Moment.ToString()).Append(sep)
          .Append(test.TakenOn.ToString(DateFormat, inv)).Append(sep)
          .Append(Provider).Append(sep)
          .Append(SubjectLabel(test.Subject)).Append(sep)
          .Append(test.Score.ToString("0.0", Numbers)).Append(sep);
        if (HasLevelColumn)
        {
            sb.Append(test.ReportedLevel is { } level ? level.Code() : "");
        }
        else
        {
            sb.Append(test.Percentile is { } p ? p.ToString("0", inv) : "").Append(sep).Append(test.Band ?? "");
        }

        sb.Append('\n');
    }
}
