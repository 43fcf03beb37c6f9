using FsCheck;
using FsCheck.Xunit;
using Uitstroom.Fuzz;

namespace Uitstroom.Fuzz.Tests;

/// <summary>
/// Every parser, fed damaged copies of valid files and arbitrary bytes, either parses or refuses the file with its
/// documented error: never another exception, never a hang. An input is rebuilt from the seed in the failure message.
/// </summary>
public sealed class MutatedFileProperties
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Names => [.. Targets.All.Select(t => t.Name)];

    private static void ShouldBeDocumented(ParserTarget target, byte[] input, string replay)
    {
        var verdict = target.Run(input, Guard);
        verdict.IsDocumented.ShouldBeTrue($"{target.Name}, {replay}: {verdict}");
        if (verdict.Kind == VerdictKind.Parsed && target.RowsAreIndependent)
        {
            // A row's report names a line of the file: after the header (line 1), at most the last line.
            var lastLine = LineBreaks(input) + 1;
            foreach (var line in verdict.Result!.Accepted.Select(r => r.Line).Concat(verdict.Result.RejectedLines))
            {
                line.ShouldBeInRange(2, lastLine, $"{target.Name}, {replay}: a row reported on a line the file does not have");
            }

            verdict.Result.RejectedReasons.ShouldAllBe(r => r.Length > 0, $"{target.Name}, {replay}: a row rejected without a reason");
        }
    }

    [Property(MaxTest = 150)]
    public void A_mutated_LVS_file_is_parsed_or_refused(int seed) => Mutated(Targets.LvsCsv, seed);

    [Property(MaxTest = 150)]
    public void A_mutated_outflow_file_is_parsed_or_refused(int seed) => Mutated(Targets.OutflowCsv, seed);

    [Property(MaxTest = 150)]
    public void A_mutated_schools_file_is_parsed_or_refused(int seed) => Mutated(Targets.SchoolsCsv, seed);

    [Property(MaxTest = 200)]
    public void A_mutated_chain_JSON_file_is_parsed_or_refused(int seed) => Mutated(Targets.ChainJson, seed);

    [Property(MaxTest = 200)]
    public void A_mutated_norm_table_is_read_or_refused(int seed) => Mutated(Targets.NormTable, seed);

    [Property(MaxTest = 300)]
    public void A_mutated_public_file_of_any_kind_is_parsed_or_refused(int seed) =>
        Mutated(Targets.PublicData[(int)((uint)seed % Targets.PublicData.Count)], seed);

    [Property(MaxTest = 100)]
    public void Arbitrary_bytes_are_parsed_or_refused_by_every_parser(byte[] bytes)
    {
        foreach (var target in Targets.All)
        {
            ShouldBeDocumented(target, bytes, $"bytes {Convert.ToHexString(bytes)}");
        }
    }

    [Property(MaxTest = 100)]
    public void A_valid_header_followed_by_arbitrary_bytes_is_parsed_or_refused(byte[] tail, int which)
    {
        var target = Targets.All[(int)((uint)which % Targets.All.Count)];
        var seed = target.Seeds[0];
        var header = seed[..(Array.IndexOf(seed, (byte)'\n') + 1)];
        ShouldBeDocumented(target, [.. header, .. tail], $"header of seed 0 + {Convert.ToHexString(tail)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_seed_file_parses_with_accepted_rows_and_no_rejections(string name)
    {
        // The seeds must be valid, or "damage is refused" would prove nothing.
        var target = Targets.Named(name);
        foreach (var seed in target.Seeds)
        {
            var verdict = target.Run(seed, Guard);
            verdict.Kind.ShouldBe(VerdictKind.Parsed, verdict.ToString());
            verdict.Result!.Accepted.ShouldNotBeEmpty();
            verdict.Result.RejectedReasons.ShouldBeEmpty();
        }
    }

    /// <summary>Line breaks as the CSV reader counts them: CRLF, LF, or a lone CR.</summary>
    private static int LineBreaks(byte[] input)
    {
        var breaks = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == (byte)'\n' || (input[i] == (byte)'\r' && (i + 1 == input.Length || input[i + 1] != (byte)'\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }

    private static void Mutated(ParserTarget target, int seed)
    {
        var random = new Random(seed);
        var input = Mutators.Mutate(target.Seeds[random.Next(target.Seeds.Count)], random);
        ShouldBeDocumented(target, input, $"mutation seed {seed}");
    }
}
