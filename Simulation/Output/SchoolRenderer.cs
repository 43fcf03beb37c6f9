using System.Globalization;
using System.Text;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation.Output;

/// <summary>
/// Renders one school into every file of the output folder (docs/simulation.md, "Files"): its LVS rows per school
/// year in its provider's format, its published outflow as CSV and as chain JSON, and its truth, kept apart in
/// <c>truth/</c>. Only what was known on the world's as-of date goes outside <c>truth/</c>.
/// </summary>
public sealed class SchoolRenderer(SimulationOptions options, bool lvsTruth)
{
    public static readonly FileShape OutflowCsv = FileShape.Csv("brin,vestiging,leerling_id,schooljaar,aanbieder,vak,referentieniveau,ontheffing");
    public static readonly FileShape TruthOutflow = FileShape.Csv(
        "brin,vestiging,leerling_id,schooljaar,vak,latent_uniform,ruis_sd,p_l1f,p_1f,p_streef,referentieniveau,ontheffing,gepubliceerd");
    public static readonly FileShape TruthPupils = FileShape.Csv(
        "brin,vestiging,leerling_id,algemeen_z,z_lezen,z_taalverzorging,z_rekenen,groei_lezen,groei_taalverzorging,groei_rekenen,nieuwkomer,doublures,versnellingen");
    public static readonly FileShape TruthLvs = FileShape.Csv("brin,vestiging,leerling_id,toetsmoment,vak,afnamedatum,latent_uniform,waargenomen_uniform");

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public SchoolRender Render(SimulatedSchool school)
    {
        var render = new SchoolRender();
        var lvs = LvsFormat.For(school.Provider);
        var lvsShape = FileShape.Csv(lvs.Header);
        var vestiging = school.Id.Vestiging.ToString(Inv);
        foreach (var pupil in school.Pupils)
        {
            foreach (var test in pupil.Tests)
            {
                lvs.AppendRow(render.For($"lvs/{test.Year}/{school.Provider.ToLowerInvariant()}.csv", lvsShape), school, pupil, test);
                if (lvsTruth)
                {
                    render.For($"truth/lvs/{test.Year}.csv", TruthLvs).Append(CultureInfo.InvariantCulture,
                        $"{school.Id.Brin},{vestiging},{pupil.LeerlingId},{test.Moment},{test.Subject.Code()},{test.TakenOn:yyyy-MM-dd},{test.TrueUniform:0.00},{test.ObservedUniform:0.00}\n");
                }
            }

            var t = pupil.Truth;
            render.For("truth/leerlingen.csv", TruthPupils).Append(Inv,
                $"{school.Id.Brin},{vestiging},{pupil.LeerlingId},{t.General:0.000},{t.AbilityZ[0]:0.000},{t.AbilityZ[1]:0.000},{t.AbilityZ[2]:0.000},{t.GrowthZ[0]:0.000},{t.GrowthZ[1]:0.000},{t.GrowthZ[2]:0.000},{(t.Newcomer ? 1 : 0)},{t.Retentions},{t.Skips}\n");

            if (pupil.Outflow.Count == 0)
            {
                continue;
            }

            var year = pupil.Outflow[0].Year;
            var published = year < options.CurrentYear && year >= options.FirstYear;
            foreach (var o in pupil.Outflow)
            {
                render.For("truth/uitstroom.csv", TruthOutflow).Append(Inv,
                    $"{school.Id.Brin},{vestiging},{pupil.LeerlingId},{o.Year},{o.Subject.Code()},{o.TrueUniform:0.00},{o.NoiseSd:0.00},{o.PBelow1F:0.0000},{o.P1F:0.0000},{o.PTarget:0.0000},{o.Level?.Code() ?? ""},{(o.Exempt ? 1 : 0)},{(published ? 1 : 0)}\n");
                if (published)
                {
                    render.For($"doorstroomtoets/{year}.csv", OutflowCsv).Append(Inv,
                        $"{school.Id.Brin},{vestiging},{pupil.LeerlingId},{o.Year},{o.Test},{o.Subject.Code()},{o.Level?.Code() ?? ""},{(o.Exempt ? 1 : 0)}\n");
                }
            }

            if (published)
            {
                // One chain file per school and year: the chain routes by school, so the wrapper names it.
                var wrapper = new FileShape(
                    $$"""{"instellingscode":"{{school.Id.Brin}}","vestigingscode":"{{school.Id.Vestiging:00}}","leerlingresultaten":[""" + "\n",
                    ",\n",
                    "\n]}\n") { OneSchool = true };
                AppendChainJson(render.For($"doorstroomtoets/{year}/{school.Id}.json", wrapper), pupil);
            }
        }

        return render;
    }

    /// <summary>
    /// One <c>leerlingresultaat</c> as the LAS⇄provider chain API (Edustandaard doorstroomtoetsketen) carries it:
    /// the pupil reference, the test (toetsdefinitie) and labelled values per toetseenheid (domain.md §3). The pupil
    /// reference is the school's leerling_id, as in its LVS files. An exempted pupil has no levels.
    /// </summary>
    private static void AppendChainJson(StringBuilder sb, SimulatedPupil pupil)
    {
        var first = pupil.Outflow[0];
        var separator = sb.Length > 0 ? ",\n" : "";
        sb.Append(Inv, $$"""{{separator}}{"schooljaar":"{{first.Year}}","resultatenscores":{"deelnemerref":[{"label":"leerling_id","onderwijsdeelnemerID":"{{pupil.LeerlingId}}"}],"toetsdefinitie":"{{first.Test}}","resultaten":{"resultaten":[""");
        var comma = "";
        foreach (var o in pupil.Outflow)
        {
            if (o.Level is { } level)
            {
                sb.Append(Inv, $$"""{{comma}}{"label":"Referentieniveau","toetseenheid":"{{Unit(o.Subject)}}","waarde":"{{level.Code()}}"}""");
                comma = ",";
            }
        }

        sb.Append("]}}}");
    }

    private static string Unit(Subject subject) => subject switch
    {
        Subject.Rekenen => "REKENEN",
        Subject.Lezen => "LEZEN",
        _ => "TAALVERZORGING",
    };
}
