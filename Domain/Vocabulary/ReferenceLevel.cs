namespace Uitstroom.Domain.Vocabulary;

/// <summary>
/// The level a pupil reached for one subject. 2F (language) and 1S (rekenen) are both "the target level";
/// which one applies depends on the subject, so reaching is asked of the pair (see <see cref="ReferenceLevels"/>).
/// </summary>
public enum ReferenceLevel
{
    Below1F,
    Level1F,
    Level2F,
    Level1S,
}

public static class ReferenceLevels
{
    public static bool TryParse(string? text, out ReferenceLevel level)
    {
        level = default;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "L1F" or "<1F" or "LAGER1F" or "LAGER 1F" or "ONDER 1F" or "<1 F" or "NIET 1F":
                level = ReferenceLevel.Below1F;
                return true;
            case "1F":
                level = ReferenceLevel.Level1F;
                return true;
            case "2F":
                level = ReferenceLevel.Level2F;
                return true;
            case "1S":
                level = ReferenceLevel.Level1S;
                return true;
            default:
                return false;
        }
    }

    public static ReferenceLevel Parse(string? text) =>
        TryParse(text, out var level)
            ? level
            : throw new DomainFormatException($"unknown referentieniveau '{text}': expected L1F (or <1F), 1F, 2F or 1S");

    public static string Code(this ReferenceLevel level) => level switch
    {
        ReferenceLevel.Below1F => "L1F",
        ReferenceLevel.Level1F => "1F",
        ReferenceLevel.Level2F => "2F",
        ReferenceLevel.Level1S => "1S",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool ReachesFundamental(this ReferenceLevel level) => level != ReferenceLevel.Below1F;

    /// <summary>
    /// Whether the level counts for the 1S/2F indicator of this subject. A 2F in rekenen or a 1S in a language
    /// subject does not exist in the doorstroomtoets outcome; it is refused rather than guessed.
    /// </summary>
    public static bool ReachesTarget(this ReferenceLevel level, Subject subject) => level switch
    {
        ReferenceLevel.Below1F or ReferenceLevel.Level1F => false,
        _ when level == subject.TargetLevel() => true,
        _ => throw new DomainFormatException($"referentieniveau {level.Code()} does not exist for {subject.Code()}"),
    };

    public static bool IsValidFor(this ReferenceLevel level, Subject subject) =>
        level is ReferenceLevel.Below1F or ReferenceLevel.Level1F || level == subject.TargetLevel();
}
