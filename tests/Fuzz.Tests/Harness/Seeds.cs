using System.Text;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Tests;

namespace Uitstroom.Fuzz;

/// <summary>
/// Valid files to mutate: small hand-written imports in each format (docs/formats.md), the head of every real public
/// file (read from shared/data, never copied into the repository), and the shipped norm tables.
/// </summary>
public static class Seeds
{
    public static readonly string Lvs = """
        brin;vestiging;leerling_id;schooljaar;groep;toetsmoment;afnamedatum;aanbieder;vak;score;percentiel;niveau
        00AP;0;p1;2025-2026;6;M6;28-01-2026;CITO;rekenen;231,5;55;III
        00AP;0;p1;2025-2026;6;M6;28-01-2026;CITO;begrijpend lezen;228;48;III
        00AP;0;p2;2025-2026;6;M6;;CITO;spelling;240;70;II
        00AP;1;p3;2025-2026;7;E7;2026-06-02;IEP;rekenen-wiskunde;66;;
        01BC;0;p4;2024-2025;8;B8;2024-10-14;CITO;lezen;250;61;II
        01BC;0;p5;2025-2026;5;E5;2026-06-10;DIA;taalverzorging;112;30;IV

        """;

    public static readonly string LvsComma = """
        BRIN,Vestiging,LeerlingNummer,Schooljaar,Groep,Moment,Toetsdatum,Toetsleverancier,Toetsvak,Vaardigheidsscore,Percentiel,Niveau
        00AP,0,p1,2025-2026,6,M6,2026-01-28,CITO,Rekenen-Wiskunde,"231,5",55,III
        00AP,0,p2,2025/26,6,M6,,CITO,Spelling,240,70,II
        01BC,0,p4,2024-2025,8,B8,14-10-2024,CITO,Begrijpend lezen,250,61,II

        """;

    public static readonly string Outflow = """
        brin;vestiging;leerling_id;schooljaar;aanbieder;vak;referentieniveau;ontheffing
        00AP;0;p1;2025-2026;ROUTE_8;rekenen;1S;
        00AP;0;p1;2025-2026;ROUTE_8;lezen;2F;
        00AP;0;p2;2025-2026;DIA;taalverzorging;L1F;
        00AP;1;p3;2025-2026;AMN;rekenen;;ja
        01BC;0;p4;2024-2025;ICE;lezen;1F;nee

        """;

    public static readonly string Schools = """
        bestuur;brin;vestiging;naam;schoolweging
        41565;00AP;0;De Regenboog;31,47
        41565;00AP;1;"De Regenboog; dependance";30,10
        12345;01BC;0;Het Kompas;28,50

        """;

    public static readonly string ChainJson = """
        {"instellingscode":"00AP","vestigingscode":"0","leerlingresultaten":[
          {"schooljaar":"2025-2026","resultatenscores":{"deelnemerref":[{"onderwijsdeelnemerID":"p1"}],"toetsdefinitie":"ROUTE_8",
            "resultaten":{"resultaten":[
              {"label":"Referentieniveau","toetseenheid":"REKENEN","waarde":"1S"},
              {"label":"Referentieniveau","toetseenheid":"LEZEN","waarde":"2F"},
              {"label":"Toetsadvies","waarde":"havo"}]}}},
          {"schooljaar":"2025-2026","resultatenscores":{"deelnemerref":[{"onderwijsdeelnemerID":"p2"}],"toetsdefinitie":"DIA",
            "resultaten":{"resultaten":[{"label":"Referentieniveau","toetseenheid":"TAALVERZORGING","waarde":"1F"}]}}}]}
        """;

    public static readonly string ChainJsonBare = """
        [{"schooljaar":"2025-2026","resultatenscores":{"deelnemerref":[{"onderwijsdeelnemerID":"p9"}],"toetsdefinitie":"AMN",
          "resultaten":{"resultaten":[{"label":"Referentieniveau","toetseenheid":"rekenen","waarde":"L1F"}]}}}]
        """;

    /// <summary>The public files, by the kind their header makes them.</summary>
    public static readonly string[] PublicFiles =
    [
        "duo_02_alle_schoolvestigingen_basisonderwijs.csv",
        "duo_10_leerlingen_bo_referentieniveaus_2024-2025.csv",
        "inspectie_leerresultaten_po_2023_2024_2025.csv",
        "inspectie_schoolweging_2023-2024.csv",
        "inspectie_schoolweging_driejaarsgemiddelde_2122_2223_2324.csv",
    ];

    public static readonly IReadOnlyDictionary<string, string> PublicKindNames = new Dictionary<string, string>
    {
        [PublicFiles[0]] = "schoolvestigingen",
        [PublicFiles[1]] = "referentieniveaus",
        [PublicFiles[2]] = "leerresultaten",
        [PublicFiles[3]] = "schoolweging",
        [PublicFiles[4]] = "schoolweging-3y",
    };

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>The header and the first <paramref name="rows"/> rows of a real public file, byte for byte.</summary>
    public static byte[] PublicHead(string file, int rows = 40)
    {
        var bytes = File.ReadAllBytes(SharedData.Duo(file));
        var end = 0;
        for (var seen = 0; end < bytes.Length && seen <= rows; end++)
        {
            if (bytes[end] == (byte)'\n')
            {
                seen++;
            }
        }

        return bytes[..end];
    }

    /// <summary>The norm tables shipped with Normalise, copied beside the tests by the build, and one written here.</summary>
    public static IReadOnlyList<byte[]> NormTables()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Seeds", "Norms");
        var shipped = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).Select(File.ReadAllBytes);
        var written = NormTableWriter.Write(new NormTable("FUZZ", 3, "written by the fuzz seeds", true,
            [
                new NormCut(Subject.Rekenen, TestMoment.Parse("M6"), 200.5, 240),
                new NormCut(Subject.Lezen, TestMoment.Parse("B8"), 210, 251.25) { NormMean = 230, NormSd = 12.5 },
            ])
        { Scale = "vaardigheidsscore", ScoreMin = 0, ScoreMax = 400 });
        return [.. shipped, Utf8(written), Utf8(written.Replace(';', ',').Replace("# scale: ", "# x: ", StringComparison.Ordinal))];
    }
}
