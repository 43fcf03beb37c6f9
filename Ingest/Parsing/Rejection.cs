namespace Uitstroom.Ingest.Parsing;

/// <summary>
/// Why one row was not imported. <see cref="Line"/> is the 1-based line in the file (the header is line 1) for CSV;
/// <see cref="Path"/> is the JSON path for the chain JSON.
/// </summary>
public sealed record Rejection(int Line, string Path, string Reason)
{
    public override string ToString() => Path.Length > 0 ? $"{Path}: {Reason}" : $"line {Line}: {Reason}";
}

/// <summary>A row as parsed: a value, or the reason it was rejected.</summary>
public readonly record struct Parsed<T>(int Line, string Path, T? Value, string? Reason)
    where T : class
{
    public Rejection ToRejection() => new(Line, Path, Reason ?? "");
}

/// <summary>Builds <see cref="Parsed{T}"/> values.</summary>
public static class Row
{
    public static Parsed<T> Ok<T>(int line, T value, string path = "")
        where T : class => new(line, path, value, null);

    public static Parsed<T> Fail<T>(int line, string reason, string path = "")
        where T : class => new(line, path, null, reason);
}
