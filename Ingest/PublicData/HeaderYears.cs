namespace Uitstroom.Ingest.PublicData;

/// <summary>School years written in a public file's header ("Aantal leerlingen 2223", "schoolweging 2021-2022, …").</summary>
internal static class HeaderYears
{
    /// <summary>
    /// A year that does not parse makes the whole file unreadable, so it is the file's error, naming the file and the
    /// column (found by fuzzing: it used to surface as a bare "malformed schooljaar" without either).
    /// </summary>
    public static SchoolYear Parse(string text, string column, string fileName) =>
        SchoolYear.TryParse(text, out var year)
            ? year
            : throw new PublicFileException($"{fileName}: the header column '{column}' names no school year ('{text.Trim()}': expected the form 2025-2026 or 2526)");
}
