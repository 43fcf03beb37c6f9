using System.Buffers;
using System.Runtime.InteropServices;
using Grpc.Core;
using V1 = Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Domain.Norms;
using Uitstroom.Normalise.Tables;

namespace Uitstroom.Normalise.Services;

/// <summary>
/// A <see cref="NormaliseBatchRequest"/> through the in-process <see cref="Normaliser"/>: the packed columns are
/// copied into pooled arrays once, normalised, and copied into the reply. Every check names the result index.
/// </summary>
public sealed class BatchNormaliser(NormTableCatalog catalog)
{
    public V1.NormaliseBatchResponse Normalise(V1.NormaliseBatchRequest request)
    {
        var n = request.ProviderIndex.Count;
        RequireLength(request.Subject.Count, n, "subject");
        RequireLength(request.Moment.Count, n, "moment");
        RequireLength(request.Score.Count, n, "score");
        RequireOptionalLength(request.Percentile.Count, n, "percentile");
        RequireOptionalLength(request.Band.Count, n, "band");
        RequireOptionalLength(request.ReportedLevel.Count, n, "reported_level");
        if (request.TableVersions.Count is not 0 && request.TableVersions.Count != request.Providers.Count)
        {
            throw Invalid($"table_versions has {request.TableVersions.Count} values for {request.Providers.Count} providers");
        }

        var tables = ResolveTables(request);
        var response = new V1.NormaliseBatchResponse();
        foreach (var table in tables)
        {
            response.TableVersions.Add(table.Table.Version);
            response.Illustrative.Add(table.Table.Illustrative);
        }

        var providerIndex = ArrayPool<int>.Shared.Rent(n);
        var subject = ArrayPool<Subject>.Shared.Rent(n);
        var moment = ArrayPool<TestMoment>.Shared.Rent(n);
        var score = ArrayPool<double>.Shared.Rent(n);
        var percentile = ArrayPool<double>.Shared.Rent(request.Percentile.Count);
        var band = ArrayPool<NormBand>.Shared.Rent(request.Band.Count);
        var level = ArrayPool<OnTrackLevel>.Shared.Rent(request.ReportedLevel.Count);
        // Pooled output columns, copied once into the reply (PooledColumn says how).
        using var uniform = new PooledColumn<double>(n);
        using var outPercentile = new PooledColumn<double>(n);
        using var source = new PooledColumn<PercentileSource>(n);
        using var route = new PooledColumn<NormRoute>(n);
        using var wireSource = new PooledColumn<V1.PercentileSource>(n);
        using var wireRoute = new PooledColumn<V1.Route>(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                providerIndex[i] = (int)Math.Min(request.ProviderIndex[i], int.MaxValue);
                if (!ProtoMapping.TryDomain(request.Subject[i], out subject[i]))
                {
                    throw Invalid($"result {i}: unknown subject {request.Subject[i]}");
                }

                if (!ProtoMapping.TryDomain(request.Moment[i], out moment[i]))
                {
                    throw Invalid($"result {i}: unknown test moment {request.Moment[i]}");
                }
            }

            request.Score.CopyTo(score, 0);
            request.Percentile.CopyTo(percentile, 0);
            for (var i = 0; i < request.Band.Count; i++)
            {
                var b = request.Band[i];
                band[i] = b is >= V1.NormBand.Unspecified and <= V1.NormBand.E ? (NormBand)(int)b : throw Invalid($"result {i}: unknown band {(int)b}");
            }

            for (var i = 0; i < request.ReportedLevel.Count; i++)
            {
                var l = request.ReportedLevel[i];
                level[i] = l is >= V1.OnTrackLevel.Unspecified and <= V1.OnTrackLevel.Target
                    ? (OnTrackLevel)(int)l
                    : throw Invalid($"result {i}: unknown reported level {(int)l}");
            }

            var input = new ResultColumns(
                providerIndex.AsSpan(0, n), subject.AsSpan(0, n), moment.AsSpan(0, n), score.AsSpan(0, n),
                percentile.AsSpan(0, request.Percentile.Count), band.AsSpan(0, request.Band.Count), level.AsSpan(0, request.ReportedLevel.Count));
            var output = new NormalisedColumns(uniform.Span, outPercentile.Span, source.Span, route.Span);
            Normaliser.Normalise(tables, input, output);

            response.Uniform.AddRange(uniform);
            response.Percentile.AddRange(outPercentile);
            // The wire enums share the domain's numbers (ProtoMapping), so the columns are copied as they are.
            MemoryMarshal.Cast<PercentileSource, V1.PercentileSource>(source.Span).CopyTo(wireSource.Span);
            MemoryMarshal.Cast<NormRoute, V1.Route>(route.Span).CopyTo(wireRoute.Span);
            response.PercentileSource.AddRange(wireSource);
            response.Route.AddRange(wireRoute);

            return response;
        }
        catch (FormatException e)
        {
            throw Invalid(e.Message);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(providerIndex);
            ArrayPool<Subject>.Shared.Return(subject);
            ArrayPool<TestMoment>.Shared.Return(moment);
            ArrayPool<double>.Shared.Return(score);
            ArrayPool<double>.Shared.Return(percentile);
            ArrayPool<NormBand>.Shared.Return(band);
            ArrayPool<OnTrackLevel>.Shared.Return(level);
        }
    }

    private CompiledNormTable[] ResolveTables(V1.NormaliseBatchRequest request)
    {
        var tables = new CompiledNormTable[request.Providers.Count];
        for (var p = 0; p < tables.Length; p++)
        {
            var code = request.Providers[p];
            var version = request.TableVersions.Count == 0 ? 0 : request.TableVersions[p];
            if (version < 0)
            {
                throw Invalid($"provider {code}: table version {version} is not 0 (newest) or a version number");
            }

            if (catalog.Find(code) is null)
            {
                throw Invalid($"unknown provider '{code}': no norm table is registered for it (known: {string.Join(", ", catalog.Providers.Order(StringComparer.Ordinal))})");
            }

            tables[p] = catalog.Find(code, version)
                ?? throw Invalid($"provider {code.Trim().ToUpperInvariant()} has no norm table version {version}");
        }

        return tables;
    }

    private static void RequireLength(int count, int n, string column)
    {
        if (count != n)
        {
            throw Invalid($"{column} has {count} values for {n} results (provider_index)");
        }
    }

    private static void RequireOptionalLength(int count, int n, string column)
    {
        if (count != 0 && count != n)
        {
            throw Invalid($"{column} has {count} values for {n} results: give none or one per result");
        }
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
