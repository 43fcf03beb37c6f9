using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Snapshots;

namespace Uitstroom.Predict.Forecasting;

/// <summary>What Predict knows of one board on a date: its schools, every pupil's history, and the data generation.</summary>
public sealed record BoardData(string Bgnr, long Generation, IReadOnlyList<SchoolInfo> Schools, IReadOnlyList<PupilHistory> Histories)
{
    /// <summary>The school's own pupil identifier per pupil key, where the caller supplied them.</summary>
    public IReadOnlyDictionary<string, string> SchoolPupilIds { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Where pupil histories come from. In the running stack that is Ingest's history stream
/// (<see cref="IngestHistorySource"/>); tests and benchmarks give the simulated world directly.
/// </summary>
public interface IPupilHistorySource
{
    /// <summary>The boards on the platform (BGNR).</summary>
    Task<IReadOnlyList<string>> BoardsAsync(CancellationToken ct);

    /// <summary>The board's data generation: advanced by every import that changed its data.</summary>
    Task<long> GenerationAsync(string bgnr, CancellationToken ct);

    Task<BoardData> LoadAsync(string bgnr, DateOnly asOf, IReadOnlyCollection<string>? schoolPupilIds, CancellationToken ct);

    /// <summary>
    /// The board's schools and their realised outflow years, counted by the look-back's rule. By default counted
    /// from the histories; a source that can count where the rows are (Ingest's TallyOutflow) does that instead.
    /// </summary>
    async Task<BoardOutflow> OutflowAsync(string bgnr, DateOnly asOf, CancellationToken ct)
    {
        var board = await LoadAsync(bgnr, asOf, null, ct).ConfigureAwait(false);
        return new BoardOutflow(board.Schools, Tallies.BySchoolAndYear(board.Histories));
    }

    /// <summary>
    /// The board's cohorts still at school on <paramref name="asOf"/> (or one school's), summed per subject, moment
    /// and school year for the school report's trends. By default summed from the histories; a source that can sum
    /// where the rows are (Ingest's SumCohortMoments) does that instead.
    /// </summary>
    async Task<IReadOnlyList<CohortMoment>> CohortMomentsAsync(string bgnr, DateOnly asOf, SchoolId? school, CancellationToken ct)
    {
        var board = await LoadAsync(bgnr, asOf, null, ct).ConfigureAwait(false);
        return CohortTrends.Sum(board.Histories, asOf, school);
    }
}

/// <summary>A board's schools and, per school and outflow year, what its pupils reached.</summary>
public sealed record BoardOutflow(IReadOnlyList<SchoolInfo> Schools, Dictionary<SchoolId, Dictionary<SchoolYear, YearTally>> Years);
