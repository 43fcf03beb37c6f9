namespace Uitstroom.Ingest.Parsing;

/// <summary>The columns the CSV formats know, whatever a school's system calls them.</summary>
public enum Column
{
    Brin,
    Vestiging,
    LeerlingId,
    Schooljaar,
    Groep,
    Toetsmoment,
    Afnamedatum,
    Aanbieder,
    Vak,
    Score,
    Percentiel,
    Niveau,
    Referentieniveau,
    Ontheffing,
    Bestuur,
    Naam,
    Schoolweging,
}

/// <summary>
/// Header names and their aliases (compared after lower-casing and turning <c>_</c>, <c>-</c> and runs of spaces
/// into one space), and the personal columns that are never read.
/// </summary>
public static class Columns
{
    private static readonly Dictionary<string, Column> Aliases = Build(
        (Column.Brin, ["brin", "brinnummer", "brin4", "brincode", "instellingscode"]),
        (Column.Vestiging, ["vestiging", "vestigingscode", "vestigingsnummer", "vestnr", "vest"]),
        (Column.LeerlingId, ["leerling id", "leerlingid", "leerlingnummer", "leerlingnr", "leerling", "llnr", "pupil id", "deelnemer id", "onderwijsdeelnemerid"]),
        (Column.Schooljaar, ["schooljaar", "school year", "jaar"]),
        (Column.Groep, ["groep", "jaargroep", "leerjaar"]),
        (Column.Toetsmoment, ["toetsmoment", "moment", "afnamemoment", "periode"]),
        (Column.Afnamedatum, ["afnamedatum", "afname datum", "toetsdatum", "datum"]),
        (Column.Aanbieder, ["aanbieder", "toetsaanbieder", "leverancier", "toetsleverancier", "provider"]),
        (Column.Vak, ["vak", "toetsvak", "toets", "toetseenheid", "onderdeel", "subject"]),
        (Column.Score, ["score", "vaardigheidsscore", "ontwikkelscore", "diascore", "dia score", "toetsscore"]),
        (Column.Percentiel, ["percentiel", "percentile", "pc"]),
        (Column.Niveau, ["niveau", "niveaugroep", "niveauwaarde", "i v", "a e"]),
        (Column.Referentieniveau, ["referentieniveau", "refniveau", "ref niveau", "behaald niveau", "niveau ref"]),
        (Column.Ontheffing, ["ontheffing", "vrijstelling", "vrijgesteld"]),
        (Column.Bestuur, ["bestuur", "bgnr", "bevoegd gezag", "bevoegd gezag nummer", "bestuursnummer"]),
        (Column.Naam, ["naam", "schoolnaam", "naam school"]),
        (Column.Schoolweging, ["schoolweging", "weging"]));

    // Names, birth dates and citizen numbers are personal data the product must not hold (docs/privacy.md).
    private static readonly HashSet<string> Personal = new(StringComparer.Ordinal)
    {
        "naam", "voornaam", "achternaam", "roepnaam", "tussenvoegsel", "voorvoegsel", "voorletters", "leerlingnaam",
        "naam leerling", "volledige naam", "geboortedatum", "geb datum", "geboortedag", "birth date", "date of birth",
        "bsn", "burgerservicenummer", "sofinummer", "onderwijsnummer", "pgn", "persoonsgebonden nummer",
    };

    public static string Normalise(string header)
    {
        var chars = header.Trim().Trim('"').ToLowerInvariant().Replace('_', ' ').Replace('-', ' ').Replace('/', ' ');
        return string.Join(' ', chars.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static bool TryResolve(string header, out Column column) => Aliases.TryGetValue(Normalise(header), out column);

    public static bool IsPersonal(string header) => Personal.Contains(Normalise(header));

    private static Dictionary<string, Column> Build(params (Column Column, string[] Names)[] table)
    {
        var map = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var (column, names) in table)
        {
            foreach (var name in names)
            {
                map.Add(name, column);
            }
        }

        return map;
    }
}
