namespace Uitstroom.Domain.Vocabulary;

/// <summary>The BGNR (bevoegd-gezagnummer) of a board: five digits, kept as text to keep leading zeros.</summary>
public static class BoardNumber
{
    public static string Parse(string? text)
    {
        var t = text?.Trim();
        if (t is null || t.Length is < 1 or > 5 || !t.All(char.IsAsciiDigit))
        {
            throw new DomainFormatException($"malformed bestuursnummer (BGNR) '{text}': expected five digits such as 41565");
        }

        return t.PadLeft(5, '0');
    }
}
