using FsCheck;
using FsCheck.Xunit;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Fuzz.Tests;

/// <summary>
/// The vocabulary parsers on any text: a value or a <see cref="DomainFormatException"/> naming the text, TryParse
/// agreeing with Parse, and every written form read back as the same value.
/// </summary>
public sealed class VocabularyProperties
{
    private static readonly string[] Spellings =
    [
        "2025-2026", "2025/2026", "2025/26", "2526", "M5", "e7", "B8", "rekenen", "Begrijpend lezen", "spelling",
        "L1F", "<1F", "2F", "1s", "00AP|C1", "12ab|c10", "41565", "00AP", "0", "99", "-", "/", "|",
    ];

    /// <summary>Valid spellings with an edit or two, and arbitrary strings: where parsers slip.</summary>
    private static string Text(int seed, string arbitrary)
    {
        var random = new Random(seed);
        if (random.Next(3) == 0)
        {
            return arbitrary;
        }

        var text = Spellings[random.Next(Spellings.Length)].ToCharArray().ToList();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var at = random.Next(text.Count + 1);
            var c = "0123456789-/|CcMBE \t\u00a0\0٣"[random.Next(17)];
            if (random.Next(2) == 0 || text.Count == 0)
            {
                text.Insert(at, c);
            }
            else
            {
                text[Math.Min(at, text.Count - 1)] = c;
            }
        }

        return new string([.. text]);
    }

    private static void ValueOrDomainError<T>(Func<string?, T> parse, string? text)
    {
        try
        {
            parse(text);
        }
        catch (DomainFormatException e)
        {
            e.Message.ShouldContain($"'{text}'");
        }
    }

    [Property(MaxTest = 3_000)]
    public void Every_vocabulary_parser_gives_a_value_or_a_DomainFormatException_naming_the_text(int seed, string? arbitrary)
    {
        var text = Text(seed, arbitrary ?? "");
        ValueOrDomainError(SchoolYear.Parse, text);
        ValueOrDomainError(TestMoment.Parse, text);
        ValueOrDomainError(Subjects.Parse, text);
        ValueOrDomainError(ReferenceLevels.Parse, text);
        ValueOrDomainError(Ovt.Parse, text);
        ValueOrDomainError(BoardNumber.Parse, text);
        ValueOrDomainError(t => SchoolId.Create(t, (int)((uint)seed % 100)), text);
    }

    [Property(MaxTest = 3_000)]
    public void TryParse_and_Parse_agree_on_any_text(int seed, string? arbitrary)
    {
        var text = Text(seed, arbitrary ?? "");
        Agree(text, SchoolYear.TryParse, SchoolYear.Parse);
        Agree(text, TestMoment.TryParse, TestMoment.Parse);
        Agree(text, Subjects.TryParse, Subjects.Parse);
        Agree(text, ReferenceLevels.TryParse, ReferenceLevels.Parse);
    }

    private delegate bool TryParser<T>(string? text, out T value);

    private static void Agree<T>(string text, TryParser<T> tryParse, Func<string?, T> parse)
    {
        if (tryParse(text, out var value))
        {
            parse(text).ShouldBe(value);
        }
        else
        {
            Should.Throw<DomainFormatException>(() => parse(text));
        }
    }

    [Property(MaxTest = 1_000)]
    public void A_school_year_reads_back_from_every_form_it_is_written_in(int start)
    {
        var year = new SchoolYear(1900 + (int)((uint)start % 300));
        SchoolYear.Parse(year.ToString()).ShouldBe(year);
        SchoolYear.Parse($"{year.StartYear}/{year.EndYear % 100:00}").ShouldBe(year);
        if (year.StartYear is >= 2000 and < 2099)
        {
            SchoolYear.Parse($"{year.StartYear % 100:00}{year.EndYear % 100:00}").ShouldBe(year);
        }
    }

    [Property(MaxTest = 500)]
    public void A_parsed_school_year_is_written_back_as_one_that_parses_to_it(int seed, string? arbitrary)
    {
        if (SchoolYear.TryParse(Text(seed, arbitrary ?? ""), out var year))
        {
            SchoolYear.Parse(year.ToString()).ShouldBe(year);
        }
    }

    [Fact]
    public void Every_test_moment_subject_and_level_reads_back_from_its_written_form()
    {
        foreach (var moment in TestMoment.All)
        {
            TestMoment.Parse(moment.ToString()).ShouldBe(moment);
            TestMoment.Parse(moment.ToString().ToLowerInvariant()).ShouldBe(moment);
        }

        foreach (var subject in Subjects.All)
        {
            Subjects.Parse(subject.Code()).ShouldBe(subject);
        }

        foreach (var level in Enum.GetValues<ReferenceLevel>())
        {
            ReferenceLevels.Parse(level.Code()).ShouldBe(level);
        }
    }

    [Property(MaxTest = 1_000)]
    public void Any_kind_and_groep_is_a_known_moment_exactly_when_its_written_form_parses(byte kind, byte groep)
    {
        var moment = new TestMoment((MomentKind)(kind % 3), groep % 10);
        TestMoment.TryParse(moment.ToString(), out var read).ShouldBe(TestMoment.All.Contains(moment));
        if (TestMoment.All.Contains(moment))
        {
            read.ShouldBe(moment);
        }
    }

    [Property(MaxTest = 2_000)]
    public void Codes_that_parse_are_fixed_points_of_their_parser(int seed, string? arbitrary)
    {
        var text = Text(seed, arbitrary ?? "");
        if (Try(() => (Ovt?)Ovt.Parse(text)) is { } ovt)
        {
            Ovt.Parse(ovt.ToString()).ShouldBe(ovt);
        }

        if (Try(() => BoardNumber.Parse(text)) is { } bgnr)
        {
            BoardNumber.Parse(bgnr).ShouldBe(bgnr);
            bgnr.Length.ShouldBe(5);
        }

        if (Try(() => (SchoolId?)SchoolId.Create(text, (int)((uint)seed % 100))) is { } school)
        {
            SchoolId.Create(school.Brin, school.Vestiging).ShouldBe(school);
        }
    }

    private static T? Try<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (DomainFormatException)
        {
            return default;
        }
    }
}
