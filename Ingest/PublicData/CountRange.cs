namespace Uitstroom.Ingest.PublicData;

/// <summary>
/// A pupil count as DUO publishes it: exact, or masked as <c>&lt;5</c>, which means 1 to 4 (a true zero is written
/// as 0). The masking is kept as the range it is; it is never read as zero or guessed as one number.
/// </summary>
public readonly record struct CountRange(int Low, int High)
{
    public bool Masked => Low != High;

    public static CountRange Exact(int count) => new(count, count);

    public static readonly CountRange Below5 = new(1, 4);

    public static CountRange Parse(string text)
    {
        var t = text.Trim();
        if (t == "<5")
        {
            return Below5;
        }

        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? Exact(n)
            : throw new FormatException($"'{text}' is not a pupil count (a whole number or <5)");
    }

    public override string ToString() => Masked ? "<5" : Low.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
