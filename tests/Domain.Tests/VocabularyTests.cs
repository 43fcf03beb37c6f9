using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests;

public class VocabularyTests
{
    [Theory]
    [InlineData("Rekenen-Wiskunde", Subject.Rekenen)]
    [InlineData("REKENEN", Subject.Rekenen)]
    [InlineData("begrijpend lezen", Subject.Lezen)]
    [InlineData(" Spelling ", Subject.Taalverzorging)]
    [InlineData("Diacijfer", Subject.Rekenen)]
    public void Subjects_are_parsed_from_the_labels_real_files_use(string label, Subject expected) =>
        Subjects.Parse(label).ShouldBe(expected);

    [Fact]
    public void An_unknown_subject_is_refused_with_its_name_in_the_message() =>
        Should.Throw<DomainFormatException>(() => Subjects.Parse("aardrijkskunde")).Message.ShouldContain("'aardrijkskunde'");

    [Fact]
    public void The_target_level_is_1S_for_rekenen_and_2F_for_language()
    {
        Subject.Rekenen.TargetLevel().ShouldBe(ReferenceLevel.Level1S);
        Subject.Lezen.TargetLevel().ShouldBe(ReferenceLevel.Level2F);
        Subject.Taalverzorging.TargetLevel().ShouldBe(ReferenceLevel.Level2F);
    }

    [Fact]
    public void A_2F_in_rekenen_does_not_exist_and_is_refused_rather_than_counted() =>
        Should.Throw<DomainFormatException>(() => ReferenceLevel.Level2F.ReachesTarget(Subject.Rekenen));

    [Theory]
    [InlineData("<1F", ReferenceLevel.Below1F)]
    [InlineData("L1F", ReferenceLevel.Below1F)]
    [InlineData("1f", ReferenceLevel.Level1F)]
    [InlineData("1S", ReferenceLevel.Level1S)]
    public void Reference_levels_accept_both_spellings_of_below_1F(string text, ReferenceLevel expected) =>
        ReferenceLevels.Parse(text).ShouldBe(expected);

    [Theory]
    [InlineData("M5", MomentKind.Midden, 5)]
    [InlineData("e7", MomentKind.Eind, 7)]
    [InlineData("B8", MomentKind.Begin, 8)]
    public void Test_moments_parse(string text, MomentKind kind, int groep) =>
        TestMoment.Parse(text).ShouldBe(new TestMoment(kind, groep));

    [Theory]
    [InlineData("E8")]
    [InlineData("B6")]
    [InlineData("M9")]
    [InlineData("M2")]
    [InlineData("X5")]
    public void Impossible_test_moments_are_refused(string text) =>
        Should.Throw<DomainFormatException>(() => TestMoment.Parse(text)).Message.ShouldContain(text);

    [Fact]
    public void Test_moments_order_along_the_school_career()
    {
        TestMoment.All.Select(m => m.ToString()).ShouldBe(
            ["M3", "E3", "M4", "E4", "M5", "E5", "M6", "E6", "M7", "E7", "B8", "M8"]);
        TestMoment.All.ShouldBeInOrder();
    }

    [Theory]
    [InlineData("2025-2026", 2025)]
    [InlineData("2025/2026", 2025)]
    [InlineData("2025/26", 2025)]
    [InlineData("2425", 2024)]
    public void School_years_parse_in_the_forms_files_use(string text, int start) =>
        SchoolYear.Parse(text).StartYear.ShouldBe(start);

    [Theory]
    [InlineData("2025-2027")]
    [InlineData("2025")]
    [InlineData("")]
    public void Malformed_school_years_are_refused(string text) =>
        Should.Throw<DomainFormatException>(() => SchoolYear.Parse(text));

    [Fact]
    public void A_school_year_runs_from_August_to_July()
    {
        SchoolYear.Containing(new DateOnly(2025, 7, 31)).ShouldBe(new SchoolYear(2024));
        SchoolYear.Containing(new DateOnly(2025, 8, 1)).ShouldBe(new SchoolYear(2025));
        SchoolYear.OfTestYear(2025).ToString().ShouldBe("2024-2025");
    }
}
