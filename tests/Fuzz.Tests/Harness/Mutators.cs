using System.Text;

namespace Uitstroom.Fuzz;

/// <summary>
/// The ways a real export gets damaged, as byte-level edits: flipped bits, a cut at any point, stray quotes,
/// separators, line breaks, byte-order marks and NULs, a field grown huge, a header column twice, lines repeated
/// or dropped. Deterministic for a given <see cref="Random"/>, so a failing input can be replayed from its seed.
/// </summary>
public static class Mutators
{
    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), "\"\""u8.ToArray(), ";"u8.ToArray(), ","u8.ToArray(), "\t"u8.ToArray(), "|"u8.ToArray(),
        "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\r"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00],
        [0xE9], [0xC3, 0x28], "#"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(),
        ":"u8.ToArray(), "-"u8.ToArray(), "0"u8.ToArray(), "99999999999999999999"u8.ToArray(), "NaN"u8.ToArray(),
        "-1e308"u8.ToArray(), "<5"u8.ToArray(), "*"u8.ToArray(), "\\u0000"u8.ToArray(), "null"u8.ToArray(),
    ];

    public static string[] Names { get; } =
        ["flip", "byte", "cut", "token", "huge", "dup-header", "dup-line", "delete", "repeat"];

    /// <summary>One to five random edits of a copy of <paramref name="seed"/>.</summary>
    public static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            Apply(bytes, random.Next(Names.Length), random);
        }

        return [.. bytes];
    }

    private static void Apply(List<byte> bytes, int kind, Random random)
    {
        int At(bool inclusiveEnd = false) => random.Next(bytes.Count + (inclusiveEnd ? 1 : 0));
        if (bytes.Count == 0 && kind is 0 or 1 or 2 or 6 or 7 or 8)
        {
            kind = 3;
        }

        switch (kind)
        {
            case 0:
                var f = At();
                bytes[f] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[At()] = (byte)random.Next(256);
                break;
            case 2:
                var cut = At();
                bytes.RemoveRange(cut, bytes.Count - cut);
                break;
            case 3:
                bytes.InsertRange(At(inclusiveEnd: true), Tokens[random.Next(Tokens.Length)]);
                break;
            case 4:
                // Beyond the 64 KiB row limit of the CSV parsers, and a large JSON string or number.
                var length = random.Next(3) switch { 0 => 1_000, 1 => 70_000, _ => 300_000 };
                var fill = (byte)"x9\"; ["[random.Next(6)];
                bytes.InsertRange(At(inclusiveEnd: true), Enumerable.Repeat(fill, length));
                break;
            case 5:
                DuplicateHeaderColumn(bytes, random);
                break;
            case 6:
                var lines = Lines(bytes);
                var line = lines[random.Next(lines.Count)];
                bytes.InsertRange(At(inclusiveEnd: true), bytes.GetRange(line.Start, line.Length));
                break;
            case 7:
                var from = At();
                bytes.RemoveRange(from, Math.Min(bytes.Count - from, random.Next(1, 64)));
                break;
            default:
                // A chunk repeated many times: deep JSON nesting, a run of separators or quotes.
                var start = At();
                var chunk = bytes.GetRange(start, Math.Min(bytes.Count - start, random.Next(1, 4))).ToArray();
                var copies = random.Next(10, 2_000);
                bytes.InsertRange(start, Enumerable.Repeat(chunk, copies).SelectMany(c => c));
                break;
        }
    }

    /// <summary>Appends one of the header's own names to the header, or doubles the whole header line.</summary>
    private static void DuplicateHeaderColumn(List<byte> bytes, Random random)
    {
        var firstData = bytes.FindIndex(b => b != (byte)'#');
        var header = Lines(bytes).FirstOrDefault(l => l.Length > 0 && bytes[l.Start] != (byte)'#');
        if (header.Length == 0 || firstData < 0)
        {
            return;
        }

        var text = Encoding.Latin1.GetString(bytes.GetRange(header.Start, header.Length).ToArray());
        var separator = text.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var names = text.Split(separator);
        var extra = random.Next(2) == 0
            ? separator + names[random.Next(names.Length)]
            : separator + text;
        bytes.InsertRange(header.Start + header.Length, Encoding.Latin1.GetBytes(extra));
    }

    /// <summary>The lines of the bytes (without their line break).</summary>
    public static List<(int Start, int Length)> Lines(IReadOnlyList<byte> bytes)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add((start, i - start));
                start = i + 1;
            }
        }

        lines.Add((start, bytes.Count - start));
        return lines;
    }
}
