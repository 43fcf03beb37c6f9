namespace Uitstroom.Domain.Vocabulary;

/// <summary>
/// A school location: BRIN (4 characters) and the DUO vestiging number. The Inspectie keys its files by
/// onderwijsvoorziening (<c>BRIN|C&lt;n&gt;</c>), which is not the vestiging number; see <see cref="Ovt"/>.
/// </summary>
public readonly record struct SchoolId(string Brin, int Vestiging)
{
    public static SchoolId Create(string? brin, int vestiging)
    {
        var b = brin?.Trim().ToUpperInvariant();
        if (b is null || b.Length != 4 || !b.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainFormatException($"malformed BRIN '{brin}': expected 4 letters or digits such as 00AP");
        }

        if (vestiging is < 0 or > 99)
        {
            throw new DomainFormatException($"malformed vestiging '{vestiging}': expected 0..99");
        }

        return new SchoolId(b, vestiging);
    }

    public override string ToString() => $"{Brin}{Vestiging:00}";
}

/// <summary>The Inspectie's key for a school (onderwijsvoorziening), e.g. <c>00AP|C1</c>.</summary>
public readonly record struct Ovt(string Value)
{
    public string Brin => Value[..4];

    public static Ovt Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (t is null || t.Length < 7 || t[4] != '|' || t[5] != 'C' || !int.TryParse(t[6..], out _))
        {
            throw new DomainFormatException($"malformed OVT '{text}': expected BRIN|C<n> such as 00AP|C1");
        }

        return new Ovt(t);
    }

    public override string ToString() => Value;
}
