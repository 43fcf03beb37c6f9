namespace Uitstroom.Domain.Vocabulary;

/// <summary>The three subjects the Inspectie's indicators count (domain.md §2).</summary>
public enum Subject
{
    Lezen,
    Taalverzorging,
    Rekenen,
}

public static class Subjects
{
    public static readonly IReadOnlyList<Subject> All = [Subject.Lezen, Subject.Taalverzorging, Subject.Rekenen];

    // Labels seen in LVS and doorstroomtoets exports, lower-cased; each provider names its tests differently
    // (Cito "Rekenen-Wiskunde", DIA "Diacijfer", the chain API "REKENEN").
    private static readonly Dictionary<string, Subject> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lezen"] = Subject.Lezen,
        ["begrijpend lezen"] = Subject.Lezen,
        ["begrijpendlezen"] = Subject.Lezen,
        ["lezen (begrijpend)"] = Subject.Lezen,
        ["diatekst"] = Subject.Lezen,
        ["lv"] = Subject.Lezen,
        ["taalverzorging"] = Subject.Taalverzorging,
        ["spelling"] = Subject.Taalverzorging,
        ["taal verzorging"] = Subject.Taalverzorging,
        ["diaspel"] = Subject.Taalverzorging,
        ["tv"] = Subject.Taalverzorging,
        ["rekenen"] = Subject.Rekenen,
        ["rekenen-wiskunde"] = Subject.Rekenen,
        ["rekenen wiskunde"] = Subject.Rekenen,
        ["rekenen en wiskunde"] = Subject.Rekenen,
        ["diacijfer"] = Subject.Rekenen,
        ["rw"] = Subject.Rekenen,
    };

    public static bool TryParse(string? text, out Subject subject)
    {
        subject = default;
        return text is not null && Aliases.TryGetValue(text.Trim(), out subject);
    }

    public static Subject Parse(string? text) =>
        TryParse(text, out var subject)
            ? subject
            : throw new DomainFormatException(
                $"unknown subject '{text}': expected lezen, taalverzorging or rekenen (or an alias such as 'begrijpend lezen', 'spelling', 'rekenen-wiskunde')");

    /// <summary>The code used in files and on the wire: lower-case Dutch.</summary>
    public static string Code(this Subject subject) => subject switch
    {
        Subject.Lezen => "lezen",
        Subject.Taalverzorging => "taalverzorging",
        Subject.Rekenen => "rekenen",
        _ => throw new ArgumentOutOfRangeException(nameof(subject)),
    };

    /// <summary>The target level (streefniveau): 1S for rekenen, 2F for the two language subjects.</summary>
    public static ReferenceLevel TargetLevel(this Subject subject) =>
        subject == Subject.Rekenen ? ReferenceLevel.Level1S : ReferenceLevel.Level2F;
}
