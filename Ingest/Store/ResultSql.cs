namespace Uitstroom.Ingest.Store;

/// <summary>
/// The upserts an import writes with, shared by SQLite and PostgreSQL. A row that is already stored with the same
/// values is left alone (the WHERE on DO UPDATE), so re-importing a file changes nothing and the affected-row
/// count says exactly what an import changed; a corrected re-export overwrites what it corrects.
/// </summary>
internal static class ResultSql
{
    public static readonly string[] LvsKey = ["pupil_id", "school_year", "moment", "subject"];

    public static readonly string[] LvsValues =
        ["brin", "vestiging", "groep", "provider", "score", "percentile", "niveau", "reported_level", "taken_on", "effective_date", "uniform", "norm_version"];

    public static readonly string[] OutflowKey = ["pupil_id", "school_year", "subject"];

    public static readonly string[] OutflowValues = ["brin", "vestiging", "provider", "level", "exempt"];

    /// <summary>
    /// The upsert of one row (named <c>@column</c> parameters, or <c>?1…?n</c> in column order when
    /// <paramref name="positional"/>), or of every row of <paramref name="selectFrom"/>.
    /// </summary>
    public static string Upsert(string table, string[] key, string[] values, string? selectFrom = null, bool positional = false)
    {
        var columns = key.Concat(values).Append("import_id").ToArray();
        var source = selectFrom is not null ? $"SELECT {string.Join(", ", columns)} FROM {selectFrom}"
            : positional ? $"VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})"
            : $"VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        return $"""
            INSERT INTO {table} ({string.Join(", ", columns)})
            {source}
            ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET
                {string.Join(", ", values.Append("import_id").Select(c => $"{c} = excluded.{c}"))}
            WHERE {string.Join(" OR ", values.Select(c => $"{table}.{c} IS DISTINCT FROM excluded.{c}"))}
            """;
    }

    public const string UpsertBoard = """
        INSERT INTO board (bgnr, name) VALUES (@bgnr, @name)
        ON CONFLICT (bgnr) DO NOTHING
        """;

    public const string UpsertSchool = """
        INSERT INTO school (brin, vestiging, bgnr, name, schoolweging) VALUES (@brin, @vestiging, @bgnr, @name, @schoolweging)
        ON CONFLICT (brin, vestiging) DO UPDATE SET bgnr = excluded.bgnr, name = excluded.name, schoolweging = excluded.schoolweging
        WHERE school.bgnr IS DISTINCT FROM excluded.bgnr OR school.name IS DISTINCT FROM excluded.name
           OR school.schoolweging IS DISTINCT FROM excluded.schoolweging
        """;
}
