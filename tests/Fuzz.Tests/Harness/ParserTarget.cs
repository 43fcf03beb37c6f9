namespace Uitstroom.Fuzz;

/// <summary>
/// One parser under fuzzing: how to run it on raw bytes, which exception is its documented refusal of a whole
/// file, and valid files to mutate. Anything else thrown is a crash; not finishing within the guard is a hang.
/// </summary>
public sealed record ParserTarget(
    string Name,
    Func<byte[], ParseResult> Parse,
    Func<Exception, bool> IsRefusal,
    IReadOnlyList<byte[]> Seeds,
    bool RowsAreIndependent)
{
    /// <summary>
    /// Runs one parse on a worker thread and waits at most <paramref name="timeout"/>. The parsers take no token
    /// (they are synchronous over a finished file), so the guard is the wait: a parse still running is a hang.
    /// </summary>
    public Verdict Run(byte[] input, TimeSpan timeout)
    {
        var parse = Task.Run(() => Parse(input));
        try
        {
            if (!parse.Wait(timeout))
            {
                return new Verdict(VerdictKind.Hung, null, null);
            }

            return new Verdict(VerdictKind.Parsed, parse.Result, null);
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            return IsRefusal(inner)
                ? new Verdict(VerdictKind.Refused, ParseResult.Refusal(inner.Message), inner)
                : new Verdict(VerdictKind.Crashed, null, inner);
        }
    }

    public override string ToString() => Name;
}
