using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Domain.Norms;
using Uitstroom.Normalise.Tables;
using ProtoMoment = Uitstroom.Contracts.Normalise.V1.TestMoment;
using ProtoSubject = Uitstroom.Contracts.Normalise.V1.Subject;

namespace Uitstroom.Normalise.Services;

/// <summary>
/// Between the wire types and the domain. The proto enums are numbered so that the domain's values follow by
/// arithmetic: subject = proto − 1, moment = <see cref="Domain.Vocabulary.TestMoment.All"/>[proto − 1], and bands,
/// levels, routes and percentile sources share their numbers (0 = absent).
/// </summary>
internal static class ProtoMapping
{
    public static bool TryDomain(ProtoSubject subject, out Domain.Vocabulary.Subject domain)
    {
        domain = (Domain.Vocabulary.Subject)((int)subject - 1);
        return subject is >= ProtoSubject.Lezen and <= ProtoSubject.Rekenen;
    }

    // An array rather than the IReadOnlyList: this lookup runs once per result of every batch.
    private static readonly Domain.Vocabulary.TestMoment[] Moments = [.. Domain.Vocabulary.TestMoment.All];

    public static bool TryDomain(ProtoMoment moment, out Domain.Vocabulary.TestMoment domain)
    {
        var index = (int)moment - 1;
        var ok = (uint)index < (uint)Moments.Length;
        domain = ok ? Moments[index] : default;
        return ok;
    }

    public static ProtoSubject ToProto(Domain.Vocabulary.Subject subject) => (ProtoSubject)((int)subject + 1);

    public static ProtoMoment ToProto(Domain.Vocabulary.TestMoment moment)
    {
        for (var i = 0; i < Domain.Vocabulary.TestMoment.All.Count; i++)
        {
            if (Domain.Vocabulary.TestMoment.All[i] == moment)
            {
                return (ProtoMoment)(i + 1);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(moment));
    }

    public static NormTableInfo Info(NormTable table, bool shipped) => new()
    {
        Provider = table.Provider,
        Version = table.Version,
        Source = table.Source,
        Illustrative = table.Illustrative,
        Rows = table.Cuts.Count,
        ScoreMin = table.ScoreMin ?? double.NaN,
        ScoreMax = table.ScoreMax ?? double.NaN,
        Scale = table.Scale,
        HasNorms = table.HasNorms,
        Shipped = shipped,
        Aliases = { table.Aliases },
    };

    public static NormRow Row(NormCut cut) => new()
    {
        Subject = ToProto(cut.Subject),
        Moment = ToProto(cut.Moment),
        Cut1F = cut.Fundamental,
        CutTarget = cut.Target,
        NormMean = cut.NormMean ?? double.NaN,
        NormSd = cut.NormSd ?? double.NaN,
    };

    public static NormTableInfo Info(NormTableCatalog catalog, NormTable table) => Info(table, catalog.IsShipped(table));
}
