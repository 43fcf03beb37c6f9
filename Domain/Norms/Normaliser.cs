using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>
/// A batch of LVS results in columns, as Ingest sends them: each result names its table by index into the
/// batch's table list. Optional columns (percentile, band, level) are empty or as long as the batch.
/// </summary>
public readonly ref struct ResultColumns(
    ReadOnlySpan<int> table,
    ReadOnlySpan<Subject> subject,
    ReadOnlySpan<TestMoment> moment,
    ReadOnlySpan<double> score,
    ReadOnlySpan<double> percentile = default,
    ReadOnlySpan<NormBand> band = default,
    ReadOnlySpan<OnTrackLevel> level = default)
{
    public ReadOnlySpan<int> Table { get; } = table;

    public ReadOnlySpan<Subject> Subject { get; } = subject;

    public ReadOnlySpan<TestMoment> Moment { get; } = moment;

    public ReadOnlySpan<double> Score { get; } = score;

    public ReadOnlySpan<double> Percentile { get; } = percentile;

    public ReadOnlySpan<NormBand> Band { get; } = band;

    public ReadOnlySpan<OnTrackLevel> Level { get; } = level;

    public int Count => Table.Length;
}

/// <summary>Where a batch's results go, column by column, each as long as the batch.</summary>
public readonly ref struct NormalisedColumns(Span<double> uniform, Span<double> percentile, Span<PercentileSource> percentileSource, Span<NormRoute> route)
{
    public Span<double> Uniform { get; } = uniform;

    public Span<double> Percentile { get; } = percentile;

    public Span<PercentileSource> PercentileSource { get; } = percentileSource;

    public Span<NormRoute> Route { get; } = route;
}

/// <summary>Puts batches of results on the uniform scale, in process and all-or-nothing.</summary>
public static class Normaliser
{
    /// <summary>
    /// Normalises every result; the first bad one throws <see cref="DomainFormatException"/> naming its index, and
    /// the output is then not to be used.
    /// </summary>
    public static void Normalise(IReadOnlyList<CompiledNormTable> tables, in ResultColumns input, in NormalisedColumns output)
    {
        var n = input.Count;
        Require(input.Subject.Length == n && input.Moment.Length == n && input.Score.Length == n, "subject, moment and score must each have one value per result");
        Require(input.Percentile.IsEmpty || input.Percentile.Length == n, "percentile must be empty or have one value per result");
        Require(input.Band.IsEmpty || input.Band.Length == n, "band must be empty or have one value per result");
        Require(input.Level.IsEmpty || input.Level.Length == n, "reported level must be empty or have one value per result");
        Require(output.Uniform.Length >= n && output.Percentile.Length >= n && output.PercentileSource.Length >= n && output.Route.Length >= n,
            "the output columns are shorter than the batch");

        var hasPercentile = !input.Percentile.IsEmpty;
        var hasBand = !input.Band.IsEmpty;
        var hasLevel = !input.Level.IsEmpty;
        for (var i = 0; i < n; i++)
        {
            var t = input.Table[i];
            if ((uint)t >= (uint)tables.Count)
            {
                throw new DomainFormatException($"result {i}: provider index {t} is not in the batch's provider list of {tables.Count}");
            }

            var subject = input.Subject[i];
            if ((uint)subject > (uint)Vocabulary.Subject.Rekenen)
            {
                throw new DomainFormatException($"result {i}: unknown subject {(int)subject}");
            }

            NormalisedResult r;
            try
            {
                r = tables[t].Normalise(
                    subject,
                    input.Moment[i],
                    input.Score[i],
                    hasPercentile ? input.Percentile[i] : double.NaN,
                    hasBand ? input.Band[i] : NormBand.None,
                    hasLevel ? input.Level[i] : OnTrackLevel.None);
            }
            catch (DomainFormatException e)
            {
                throw new DomainFormatException($"result {i}: {e.Message}");
            }

            output.Uniform[i] = r.Uniform;
            output.Percentile[i] = r.Percentile;
            output.PercentileSource[i] = r.PercentileSource;
            output.Route[i] = r.Route;
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainFormatException(message);
        }
    }
}
