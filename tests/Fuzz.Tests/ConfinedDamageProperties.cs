using System.Text;
using FsCheck.Xunit;
using Uitstroom.Fuzz;

namespace Uitstroom.Fuzz.Tests;

/// <summary>
/// Damage confined to one line (no line break or quote added) costs at most that line: every other valid row is still
/// accepted, unchanged and on its own line number, and the damaged line is accounted for (accepted or rejected).
/// </summary>
public sealed class ConfinedDamageProperties
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Property(MaxTest = 200)]
    public void Damage_to_one_line_of_an_LVS_file_loses_no_other_row(int seed) => Confined(Targets.LvsCsv, seed);

    [Property(MaxTest = 150)]
    public void Damage_to_one_line_of_an_outflow_file_loses_no_other_row(int seed) => Confined(Targets.OutflowCsv, seed);

    [Property(MaxTest = 150)]
    public void Damage_to_one_line_of_a_schools_file_loses_no_other_row(int seed) => Confined(Targets.SchoolsCsv, seed);

    [Property(MaxTest = 250)]
    public void Damage_to_one_line_of_a_public_file_loses_no_other_row(int seed) =>
        Confined(Targets.PublicData[(int)((uint)seed % Targets.PublicData.Count)], seed);

    private static void Confined(ParserTarget target, int seed)
    {
        var random = new Random(seed);
        var original = target.Seeds[random.Next(target.Seeds.Count)];
        var (damaged, line) = LineDamage.Apply(original, random);
        var before = target.Run(original, Guard);
        var after = target.Run(damaged, Guard);
        var replay = $"{target.Name}, damage seed {seed}, line {line}: {Encoding.UTF8.GetString(LineDamage.LineOf(damaged, line))}";

        after.Kind.ShouldBe(VerdictKind.Parsed, $"{replay} → {after}");
        var kept = after.Result!.Accepted.ToDictionary(r => r.Line, r => r.Value);
        var rejected = after.Result.RejectedLines.Zip(after.Result.RejectedReasons.Concat(Enumerable.Repeat("", after.Result.RejectedLines.Count)))
            .ToLookup(r => r.First, r => r.Second);
        (kept.ContainsKey(line) || rejected.Contains(line)).ShouldBeTrue($"{replay}: the damaged line is neither accepted nor rejected");
        foreach (var (at, value) in before.Result!.Accepted.Where(r => r.Line != line))
        {
            // A damaged line that now names an undamaged row's school makes that row the duplicate: the only way
            // another line may be lost, and it is reported as such.
            if (rejected[at].Any(reason => reason.Contains($"(first on line {line})", StringComparison.Ordinal)))
            {
                continue;
            }

            kept.TryGetValue(at, out var now).ShouldBeTrue($"{replay}: line {at} was lost");
            now.ShouldBe(value, $"{replay}: line {at} changed");
        }
    }
}

/// <summary>Edits inside one data line that cannot spill into another: no line break, no quote, no NUL.</summary>
public static class LineDamage
{
    private const string Safe = "0123456789abcxyzABCXYZ;,|\t .-+*<>#é:/";

    public static (byte[] Damaged, int Line) Apply(byte[] file, Random random)
    {
        var lines = Mutators.Lines(file);
        // Line numbers are 1-based with the header as line 1. Only the part of a line before its first quote is edited:
        // a quoted field cut open would rightly run into the next line.
        var candidates = Enumerable.Range(1, lines.Count - 1)
            .Where(i => lines[i].Length > 0 && file[lines[i].Start] != (byte)'"')
            .ToList();
        var index = candidates[random.Next(candidates.Count)];
        var (start, length) = lines[index];
        var whole = Encoding.UTF8.GetString(file, start, length);
        var quote = whole.IndexOf('"', StringComparison.Ordinal);
        var crlf = quote < 0 && whole.EndsWith('\r');
        var editable = quote >= 0 ? quote : whole.Length - (crlf ? 1 : 0);
        var text = new StringBuilder(whole[..editable]);
        var rest = whole[editable..];
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0 when text.Length > 0:
                    text[Math.Min(at, text.Length - 1)] = Safe[random.Next(Safe.Length)];
                    break;
                case 1:
                    text.Insert(at, Safe[random.Next(Safe.Length)]);
                    break;
                case 2 when text.Length > 0:
                    var from = Math.Min(at, text.Length - 1);
                    text.Remove(from, Math.Min(text.Length - from, random.Next(1, 8)));
                    break;
                default:
                    text.Insert(at, new string('x', random.Next(2) == 0 ? 100 : 70_000));
                    break;
            }
        }

        var damaged = file[..start].Concat(Encoding.UTF8.GetBytes(text + rest)).Concat(file[(start + length)..]).ToArray();
        return (damaged, index + 1);
    }

    public static byte[] LineOf(byte[] file, int line)
    {
        var (start, length) = Mutators.Lines(file)[line - 1];
        var shown = file.AsSpan(start, Math.Min(length, 120)).ToArray();
        return shown;
    }
}
