using System.Text;
using Uitstroom.Fuzz;

namespace Uitstroom.Fuzz.Tests.Regressions;

/// <summary>
/// Crashes the fuzzer found in the chain JSON's wrapper: its school is the file's, so a bad one refuses the file
/// with an <see cref="Ingest.Parsing.ImportFileException"/> naming the field instead of escaping the import.
/// </summary>
public sealed class ChainJsonWrapperTests
{
    private const string Messages = """
        "leerlingresultaten":[{"schooljaar":"2025-2026","resultatenscores":{"deelnemerref":[{"onderwijsdeelnemerID":"p1"}],
        "toetsdefinitie":"ROUTE_8","resultaten":{"resultaten":[{"label":"Referentieniveau","toetseenheid":"REKENEN","waarde":"1S"}]}}}]}
        """;

    private static Verdict Run(byte[] json) => Targets.ChainJson.Run(json, TimeSpan.FromSeconds(20));

    private static byte[] Wrapper(string school) => Encoding.UTF8.GetBytes($"{{{school},{Messages}");

    [Theory]
    [InlineData("\"instellingscode\":1234", "$.instellingscode must be text")]
    [InlineData("\"instellingscode\":\"TOOLONG\"", "malformed BRIN 'TOOLONG'")]
    [InlineData("\"instellingscode\":\"00AP\",\"vestigingscode\":\"12345\"", "malformed vestiging '12345'")]
    [InlineData("\"instellingscode\":null", "$.instellingscode must be text")]
    public void A_bad_school_in_the_wrapper_refuses_the_file_naming_it(string school, string reason)
    {
        var verdict = Run(Wrapper(school));

        verdict.Kind.ShouldBe(VerdictKind.Refused, verdict.ToString());
        verdict.Result!.Refused!.ShouldContain(reason);
    }

    [Fact]
    public void Invalid_UTF8_in_the_wrapper_school_refuses_the_file()
    {
        var bytes = Wrapper("\"instellingscode\":\"00AP\"");
        var at = Array.IndexOf(bytes, (byte)'A');
        bytes[at] = 0x8A; // a lone continuation byte inside the string: the document parses, GetString does not

        var verdict = Run(bytes);

        verdict.Kind.ShouldBe(VerdictKind.Refused, verdict.ToString());
        verdict.Result!.Refused!.ShouldContain("not valid UTF-8");
    }

    [Fact]
    public void Invalid_UTF8_inside_a_message_rejects_that_message_and_keeps_the_others()
    {
        var json = Encoding.UTF8.GetString(Wrapper("\"instellingscode\":\"00AP\""));
        var two = json.Replace("}}}]}", "}}},{\"schooljaar\":\"2025-2026\",\"resultatenscores\":{\"deelnemerref\":[{\"onderwijsdeelnemerID\":\"pX\"}],\"toetsdefinitie\":\"DIA\",\"resultaten\":{\"resultaten\":[]}}}]}", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(two);
        bytes[Array.LastIndexOf(bytes, (byte)'X')] = 0x8A;

        var verdict = Run(bytes);

        verdict.Kind.ShouldBe(VerdictKind.Parsed, verdict.ToString());
        verdict.Result!.Accepted.Count.ShouldBe(1);
        verdict.Result.RejectedLines.Count.ShouldBe(1);
    }
}
