namespace Uitstroom.Ingest.PublicData;

/// <summary>The public files Ingest understands, told apart by their header (never by their name).</summary>
public enum PublicFileKind
{
    /// <summary>Inspectie: gemiddelde referentieniveaus per school over three outflow years, with the judgement.</summary>
    InspectieLeerresultaten,

    /// <summary>Inspectie/CBS: the schoolweging of one school year (one sheet of the schoolweging file).</summary>
    InspectieSchoolwegingJaar,

    /// <summary>Inspectie/CBS: the three-year mean schoolweging the judgement uses.</summary>
    InspectieSchoolwegingDriejaars,

    /// <summary>DUO 10: pupils per reached referentieniveau per vestiging, with <c>&lt;5</c> masking.</summary>
    DuoReferentieniveaus,

    /// <summary>DUO 02: every bo vestiging with its address and bevoegd gezag (board).</summary>
    DuoSchoolvestigingen,
}

public static class PublicFileKinds
{
    public static string Code(this PublicFileKind kind) => kind switch
    {
        PublicFileKind.InspectieLeerresultaten => "inspectie_leerresultaten",
        PublicFileKind.InspectieSchoolwegingJaar => "inspectie_schoolweging_jaar",
        PublicFileKind.InspectieSchoolwegingDriejaars => "inspectie_schoolweging_driejaars",
        PublicFileKind.DuoReferentieniveaus => "duo_referentieniveaus",
        PublicFileKind.DuoSchoolvestigingen => "duo_schoolvestigingen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Recognises a file by the columns its header names (case-insensitive).</summary>
    public static PublicFileKind Detect(IReadOnlyList<string> header, string fileName)
    {
        var cols = header.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (cols.Contains("ovt") && header.Any(h => h.StartsWith("Gewogen driejaarsgemiddelde", StringComparison.OrdinalIgnoreCase)))
        {
            return PublicFileKind.InspectieLeerresultaten;
        }

        if (cols.Contains("OVT") && cols.Contains("BGNR") && cols.Contains("schoolweging") && cols.Contains("aantal_leerlingen"))
        {
            return PublicFileKind.InspectieSchoolwegingJaar;
        }

        if (cols.Contains("OVT") && cols.Contains("BGNR") && header.Any(h => h.StartsWith("schoolweging ", StringComparison.OrdinalIgnoreCase)))
        {
            return PublicFileKind.InspectieSchoolwegingDriejaars;
        }

        if (cols.Contains("INSTELLINGSCODE") && cols.Contains("REKENEN_LAGER1F") && cols.Contains("PEILDATUM"))
        {
            return PublicFileKind.DuoReferentieniveaus;
        }

        if (cols.Contains("INSTELLINGSCODE") && cols.Contains("BEVOEGD GEZAG NUMMER") && cols.Contains("VESTIGINGSNAAM"))
        {
            return PublicFileKind.DuoSchoolvestigingen;
        }

        throw new PublicFileException(
            $"{fileName}: the header ({string.Join(", ", header.Take(6))}, …) is not one of the known public files: the Inspectie's leerresultaten or schoolweging files, DUO 10 referentieniveaus or DUO 02 schoolvestigingen");
    }
}

/// <summary>A public file that cannot be read at all (as opposed to single rows, which are rejected one by one).</summary>
public sealed class PublicFileException(string message) : FormatException(message);
