using System.Globalization;
using System.Text;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>Writes a norm table in the file format <see cref="NormTableReader"/> reads (round trip).</summary>
public static class NormTableWriter
{
    public static string Write(NormTable table)
    {
        var csv = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        csv.Append(inv, $"# provider: {table.Provider}\n");
        csv.Append(inv, $"# version: {table.Version}\n");
        if (table.Scale.Length > 0)
        {
            csv.Append(inv, $"# scale: {table.Scale}\n");
        }

        if (table.Aliases.Count > 0)
        {
            csv.Append(inv, $"# aliases: {string.Join(", ", table.Aliases)}\n");
        }

        if (table.ScoreMin is { } min)
        {
            csv.Append(inv, $"# score_min: {min:R}\n");
        }

        if (table.ScoreMax is { } max)
        {
            csv.Append(inv, $"# score_max: {max:R}\n");
        }

        // The source is one header line: line breaks in it would end the header.
        csv.Append(inv, $"# source: {table.Source.ReplaceLineEndings(" ")}\n");
        csv.Append(inv, $"# illustrative: {(table.Illustrative ? "true" : "false")}\n");
        var withNorms = table.Cuts.Any(c => c.HasNorm);
        csv.Append(withNorms ? "vak;toetsmoment;cut_1f;cut_streef;norm_mean;norm_sd\n" : "vak;toetsmoment;cut_1f;cut_streef\n");
        foreach (var c in table.Cuts)
        {
            csv.Append(inv, $"{c.Subject.Code()};{c.Moment};{c.Fundamental:R};{c.Target:R}");
            if (withNorms)
            {
                csv.Append(inv, $";{c.NormMean:R};{c.NormSd:R}");
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }
}
