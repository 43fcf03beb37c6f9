using Uitstroom.Fuzz;

namespace Uitstroom.Fuzz.Bench;

/// <summary>
/// Input number n of a parser, always the same: nine in ten are mutated seed files (the damage real exports suffer),
/// one in ten arbitrary bytes (what a wrong upload looks like).
/// </summary>
public static class Replay
{
    public static byte[] Input(ParserTarget target, int n)
    {
        // Not HashCode.Combine: it is salted per process, and the input must replay in another run.
        var random = new Random(unchecked((target.Name.Aggregate(17, (h, c) => (h * 31) + c) * 1_000_003) + n));
        if (n % 10 == 9)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            return bytes;
        }

        return Mutators.Mutate(target.Seeds[random.Next(target.Seeds.Count)], random);
    }
}

/// <summary>Counts verdicts by outcome and exception type, keeping the first input of each kind.</summary>
public sealed class Tally
{
    public long Inputs { get; private set; }

    public long Parsed { get; private set; }

    public long Refused { get; private set; }

    public int Crashes { get; private set; }

    public int Hangs { get; private set; }

    public Dictionary<string, (long Count, int First)> ByLabel { get; } = [];

    public List<string> Examples { get; } = [];

    /// <summary>Refusals by the start of their message: shows whether the fuzzing reaches past the header.</summary>
    public Dictionary<string, long> Reasons { get; } = [];

    public long RowsAccepted { get; private set; }

    public long RowsRejected { get; private set; }

    // The file name and quoted values vary; the words before them say what was wrong.
    private static string Reason(string message)
    {
        var text = message.Contains(".csv: ", StringComparison.Ordinal) ? message[(message.IndexOf(".csv: ", StringComparison.Ordinal) + 6)..] : message;
        if (text.StartsWith("not a readable CSV file (", StringComparison.Ordinal))
        {
            // Sep's own reason is the interesting part here.
            var inner = text[25..];
            return $"not a readable CSV file: {inner[..Math.Min(inner.Length, 60)]}";
        }

        var cut = text.IndexOfAny(['\'', '(', ':', '"']);
        return (cut > 0 ? text[..cut] : text).Trim();
    }

    public void Add(Verdict verdict, int input)
    {
        Inputs++;
        switch (verdict.Kind)
        {
            case VerdictKind.Parsed:
                Parsed++;
                RowsAccepted += verdict.Result!.Accepted.Count;
                RowsRejected += verdict.Result.RejectedLines.Count;
                break;
            case VerdictKind.Refused:
                Refused++;
                var reason = Reason(verdict.Error!.Message);
                Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
                break;
            case VerdictKind.Crashed:
                Crashes++;
                break;
            default:
                Hangs++;
                break;
        }

        var label = verdict.Label;
        ByLabel[label] = ByLabel.TryGetValue(label, out var seen) ? (seen.Count + 1, seen.First) : (1, input);
        if (!verdict.IsDocumented && Examples.Count < 3)
        {
            Examples.Add($"input {input}: {verdict.Error?.ToString().Split('\n').Take(12).Aggregate((a, b) => a + "\n      " + b) ?? "hang"}");
        }
    }
}
