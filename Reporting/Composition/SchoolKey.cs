using Uitstroom.Domain.Vocabulary;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// The key a school's report is opened by: the Inspectie's ovt (<c>00AP|C1</c>) where the school has one, else its
/// BRIN and vestiging (<c>Z00100</c>). A school the Inspectie has not listed yet — a new school, the fictional demo
/// board — has no ovt, and its board must still be able to zoom into it.
/// </summary>
public static class SchoolKey
{
    public static string Of(SchoolFacts school) =>
        school.Ovt.Length > 0 ? school.Ovt : new SchoolId(school.Brin, school.Vestiging).ToString();

    /// <summary>Which registered school <paramref name="key"/> names; a malformed key is the caller's error.</summary>
    public static Func<SchoolFacts, bool> Parse(string? key)
    {
        var text = key?.Trim() ?? "";
        if (text.Contains('|', StringComparison.Ordinal))
        {
            var ovt = Ovt.Parse(text).Value;
            return s => s.Ovt == ovt;
        }

        if (text.Length != 6 || !int.TryParse(text.AsSpan(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var vestiging))
        {
            throw new DomainFormatException($"malformed school '{key}': expected an ovt such as 00AP|C1, or BRIN and vestiging such as 00AP00");
        }

        var id = SchoolId.Create(text[..4], vestiging);
        return s => s.Brin == id.Brin && s.Vestiging == id.Vestiging;
    }
}
