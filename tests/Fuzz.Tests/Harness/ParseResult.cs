namespace Uitstroom.Fuzz;

/// <summary>
/// What a parser made of one input, in the parser's own documented terms: the rows it accepted (by line), the lines
/// it rejected, or the reason it refused the whole file.
/// </summary>
public sealed record ParseResult(IReadOnlyList<(int Line, object Value)> Accepted, IReadOnlyList<int> RejectedLines, string? Refused)
{
    /// <summary>The rejected lines' reasons, where the parser gives them (for the confined-damage check).</summary>
    public IReadOnlyList<string> RejectedReasons { get; init; } = [];

    public static ParseResult Refusal(string reason) => new([], [], reason);
}

/// <summary>How a parse ended: as the parser documents (parsed or refused), or not (a crash, a hang).</summary>
public enum VerdictKind
{
    Parsed,
    Refused,
    Crashed,
    Hung,
}

public sealed record Verdict(VerdictKind Kind, ParseResult? Result, Exception? Error)
{
    public bool IsDocumented => Kind is VerdictKind.Parsed or VerdictKind.Refused;

    /// <summary>The exception type for the tallies: the documented refusal, a crash's type, or "hang".</summary>
    public string Label => Kind switch
    {
        VerdictKind.Parsed => "parsed",
        VerdictKind.Refused => $"refused ({Error!.GetType().Name})",
        VerdictKind.Crashed => $"CRASH {Error!.GetType().FullName}",
        _ => "HANG",
    };

    public override string ToString() => Kind == VerdictKind.Crashed ? $"{Label}: {Error}" : Label;
}
