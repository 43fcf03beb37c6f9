namespace Uitstroom.Simulation.Registry;

/// <summary>
/// Fictional names and codes. BRINs start with Z and board numbers with 9, which no real Dutch school or board
/// uses, so simulated data can never be mistaken for (or joined with) a real school.
/// </summary>
public static class FictionalNames
{
    private static readonly string[] Kinds = ["Basisschool", "OBS", "CBS", "RKBS", "IKC", "Daltonschool", "Montessorischool", "Jenaplanschool"];

    private static readonly string[] Names =
    [
        "De Zeeppaddestoel", "Het Wolkenschip", "De Lichtboei", "De Bramentuin", "Het Kiezelpad", "De Zonnewijzer",
        "De Vlindervallei", "Het Hoedenhuis", "De Windroos", "De Hazelaar", "Het Sterrenveld", "De Notenkraker",
        "De Waterlelie", "Het Kompasbos", "De Uilenhoek", "De Pijlstaart", "Het Klaverblad", "De Toverfluit",
        "De Ijsvogel", "Het Schelpenstrand", "De Linde", "De Vuurtoren", "Het Duinroosje", "De Molenwiek",
        "De Wilgenkamp", "Het Zandkasteel", "De Reigershof", "De Kastanjelaan", "Het Tulpenveld", "De Boomgaard",
        "De Bijenkorf", "Het Anker", "De Regenboogvis", "De Meidoorn", "Het Palet", "De Dukdalf",
    ];

    private static readonly string[] Places =
    [
        "Zuiderveen", "Oosterwold", "Brakendam", "Lindehoven", "Veenmarke", "Heerdijk", "Molenbroek", "Wadderhem",
        "Kraaiendal", "Esselo", "Noordermeer", "Sluisvoorde", "Gravenhaar", "Ter Beemde", "Wolderkamp", "Havelte-Ooost",
    ];

    private static readonly string[] BoardWords = ["Primair Onderwijs", "Scholengroep", "Onderwijsstichting", "Kindcentra", "Basisonderwijs"];

    /// <summary>BRIN for the n-th BRIN number: Z plus three base-36 characters (Z001, Z002, …, Z00Z, Z010, …).</summary>
    public static string Brin(int n)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return string.Create(4, n, (span, v) =>
        {
            span[0] = 'Z';
            span[3] = digits[v % 36];
            span[2] = digits[v / 36 % 36];
            span[1] = digits[v / 1296 % 36];
        });
    }

    /// <summary>BGNR for the n-th board: 9 and four digits.</summary>
    public static string Bestuur(int n) => (90001 + n).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);

    public static string School(int n, int pick) =>
        $"{Kinds[pick % Kinds.Length]} {Names[n % Names.Length]}{(n >= Names.Length ? $" {Places[n / Names.Length % Places.Length]}" : "")}";

    public static string Board(int n, int pick) =>
        $"Stichting {BoardWords[pick % BoardWords.Length]} {Places[n % Places.Length]}{(n >= Places.Length ? $" {(n / Places.Length) + 1}" : "")}";
}
